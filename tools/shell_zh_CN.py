"""Chinese translations of the shell's strings, written into resources/i18n/shell_zh_CN.ts.

Why a script: ``pyside6-lupdate`` regenerates the .ts from the code (new strings appear
unfinished); this fills every translation from the table below, keyed by (context, source), and
fails if any string is left untranslated, so the Chinese UI never shows English.

    .venv/bin/python tools/shell_zh_CN.py --update   # lupdate over the shell's files, then fill
    make translations                                # build the .qm
"""

# ruff: noqa: E501  (a translation table: one line per string reads best)
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "shell_zh_CN.ts"

ZH: dict[str, dict[str, str]] = {
    "App": {
        "The local data file is in use by another program.": "本机数据文件正被另一个程序占用。",
        "Close the other program (or wait for it to finish) and try again. The file was not changed:\n%1":
            "请关闭该程序（或等它完成）后重试。文件未作任何改动：\n%1",
        "This data was saved by a newer version of Merchant Console.": "这些数据由更新版本的商家控制台保存。",
        "Install the newer version to open it. The file was not changed:\n%1": "请安装新版本后再打开。文件未作任何改动：\n%1",
        "The local data file cannot be read. It may be damaged.": "无法读取本地数据文件，文件可能已损坏。",
        "The file was not changed:\n%1\nMove it aside to start with fresh data from the platform, or contact support.":
            "文件未作任何改动：\n%1\n可将其移到别处，从平台重新获取数据；或联系客服。",
        "Cannot connect to the platform. Your changes are kept here. Check the platform settings, or work offline.":
            "无法连接平台。您的修改已保存在本机。请检查平台设置，或切换为离线工作。",
    },
    "BulkDialog": {
        "Change in bulk": "批量修改",
        "Turn one payment method on or off for many stores. You see what would happen before anything changes.":
            "为多家店铺统一开启或关闭一种支付方式。正式修改前，会先告诉您将发生什么。",
        "The stores selected in the list (none is selected)": "列表中选中的店铺（当前未选中任何店铺）",
        "The store selected in the list": "列表中选中的 1 家店铺",
        "The %1 stores selected in the list": "列表中选中的 %1 家店铺",
        "All stores invited to WeChat Pay": "所有已受邀开通微信支付的店铺",
        "&Payment method": "支付方式(&P)",
        "Change": "修改",
        "Turn on": "开启",
        "Turn off": "关闭",
        "Stores": "店铺数",
        "Why they stay as they are": "不作修改的原因",
        "Back": "上一步",
        "Stop": "停止",
        "Cancel": "取消",
        "Check first": "先检查",
        "Change 1 store": "修改 1 家店铺",
        "Change %1 stores": "修改 %1 家店铺",
        "Close": "关闭",
        "Turn on %1": "开启%1",
        "Turn off %1": "关闭%1",
        "%1 will change": "%1 家将修改",
        "%1 cannot change now": "%1 家暂时无法修改",
        "no change needed for %1": "%1 家无需修改",
        "%1 for 1 store: %3.": "为 1 家店铺%1：%3。",
        "%1 for %2 stores: %3.": "为 %2 家店铺%1：%3。",
        ", ": "，",
        "nothing to change": "没有需要修改的店铺",
        "Changing 1 store…": "正在修改 1 家店铺…",
        "Changing %1 stores…": "正在修改 %1 家店铺…",
        "1 store changed.": "已修改 1 家店铺。",
        "%1 stores changed.": "已修改 %1 家店铺。",
        "%1 could not be changed after all: they changed since the check.": "另有 %1 家在检查后情况有变，未能修改。",
        "%1 %2": "%1%2",  # two sentences in a row: no space in Chinese
        "Stopped": "已停止",
        "Done": "已完成",
        "Something went wrong": "出错了",
        "Stopped at your request; the other stores were not changed.": "已按您的要求停止，其余店铺未作修改。",
        "The changes are sent to the platform in the background.": "修改会在后台发送到平台。",
        "Something went wrong on our side. Stores changed before the problem stay changed; the activity page lists them.":
            "我们这边出了问题。出错前已修改的店铺保持修改，可在“操作记录”页查看。",
    },
    "Dialogs": {"Cancel": "取消", "OK": "确定", "Merchant Console": "商家控制台"},
    "Format": {
        "1 day": "1 天",
        "%1 days": "%1 天",
        "1 hour": "1 小时",
        "%1 hours": "%1 小时",
        "%1 %2": "%1%2",
        "1 minute": "1 分钟",
        "%1 minutes": "%1 分钟",
        "passed": "已截止",
        "in %1": "还剩 %1",
    },
    "MainWindow": {
        "This page could not be opened. Details are in the log.": "此页面无法打开，详情已记录在日志中。",
        "Merchant Console": "商家控制台",
        "Pages": "页面",
        "&File": "文件(&F)",
        "&Sync now": "立即同步(&S)",
        "Work &offline": "离线工作(&O)",
        "&Quit": "退出(&Q)",
        "&Store": "店铺(&S)",
        "&Find a store": "查找店铺(&F)",
        "&Turn the chosen payment method on or off": "开启或关闭所选支付方式(&T)",
        "&Next store": "下一家店铺(&N)",
        "&Previous store": "上一家店铺(&P)",
        "Change in &bulk…": "批量修改(&B)…",
        "&View": "视图(&V)",
        "&Help": "帮助(&H)",
        "&About Merchant Console": "关于商家控制台(&A)",
        "Work offline": "离线工作",
        "Keep changes here and do not contact the platform": "修改只保存在本机，不连接平台",
        "Sync now": "立即同步",
        "Send waiting changes and fetch news (F5)": "发送待同步的修改并获取最新消息（F5）",
        "Dismiss": "关闭提示",
        "More menus": "更多菜单",
        "Stores": "店铺",
        "Store details": "店铺详情",
        "Checkout preview": "收银台预览",
        "Announcements": "公告",
        "Activity": "操作记录",
        "Waiting to sync": "待同步",
        "Settings": "设置",
        "About Merchant Console": "关于商家控制台",
        "Merchant Console %1": "商家控制台 %1",
        "WeChat Pay and Alipay for your Taobao and Tmall stores, even offline.":
            "为您的淘宝、天猫店铺管理微信支付和支付宝，离线也能用。",
        "Something went wrong on our side. Your data is safe; details are in the log.":
            "我们这边出了问题。您的数据是安全的，详情已记录在日志中。",
        "Working offline": "离线工作中",
        "Syncing…": "正在同步…",
        "Connecting…": "正在连接…",
        "Online": "在线",
        "Offline": "离线",
        "All changes synced": "所有修改已同步",
        "1 change waiting": "1 项修改待同步",
        "%1 changes waiting": "%1 项修改待同步",
        "Last synced %1": "上次同步 %1",
        "Not synced yet": "尚未同步",
        "Sync stopped because of a problem on our side; details are in the log.":
            "由于我们这边的问题，同步已停止，详情已记录在日志中。",
        "Next try in %1.": "%1后重试。",
        "Show": "查看",
        "Stores newly invited to WeChat Pay: %1.": "新受邀开通微信支付的店铺：%1 家。",
        "Reviews approved: %1.": "审核通过：%1 家。",
        "Reviews rejected: %1 (open the store to see why).": "审核未通过：%1 家（打开店铺查看原因）。",
        "Stores where WeChat Pay went live: %1.": "微信支付已上线的店铺：%1 家。",
        "Changes refused by the platform: %1 (see Waiting to sync).": "被平台拒绝的修改：%1 项（见“待同步”）。",
        "New announcements: %1.": "新公告：%1 条。",
    },
    "PendingView": {
        "Refused": "被拒绝",
        "Sending": "发送中",
        "Waiting": "等待中",
        "Refused.": "已被拒绝。",
        "Attempts so far: %1. It is tried again automatically.": "已尝试 %1 次，将自动重试。",
        "Feedback on an announcement": "对公告的反馈",
        "Turn on %1": "开启%1",
        "Turn off %1": "关闭%1",
        "Waiting to sync": "待同步",
        "Changes you made are saved here first and sent to the platform in order. If the platform refuses one, it says why below: retry it after fixing the cause, or discard it to go back to the platform's setting.":
            "您的修改会先保存在本机，再按顺序发送到平台。如果平台拒绝了某项修改，下方会说明原因：解决问题后可重试，或放弃修改、恢复平台上的设置。",
        "Status": "状态",
        "Store": "店铺",
        "Change": "修改内容",
        "Made at": "修改时间",
        "Why / next": "原因 / 下一步",
        "Changes waiting to sync": "待同步的修改",
        "Nothing is waiting: every change has reached the platform.": "没有待同步的修改：所有修改都已送达平台。",
        "Retry": "重试",
        "Check the refused change again and queue it": "重新检查被拒绝的修改并加入发送队列",
        "Discard": "放弃",
        "Drop the change and show the platform's setting again": "放弃这项修改，恢复显示平台上的设置",
        "Sync now": "立即同步",
        "Discard this change?": "放弃这项修改？",
        "“%1” will not be sent. The store shows the platform's setting again.": "“%1”将不会发送，店铺恢复显示平台上的设置。",
        "The change cannot be retried yet": "这项修改暂时无法重试",
        "The change was not made": "修改未完成",
        "It may be sending right now. Wait for the sync to finish, then try again.": "它可能正在发送中。请等同步完成后再试。",
    },
    "SettingsView": {
        "Settings": "设置",
        "Language and look": "语言与外观",
        "&Language": "语言(&L)",
        "Follow the system": "跟随系统",
        "Language": "语言",
        "Theme": "主题",
        "Light or dark follows the system setting.": "浅色或深色跟随系统设置。",
        "Platform": "平台",
        "Demo platform on this computer": "本机演示平台",
        "Sample stores to try everything safely; nothing reaches real shoppers.": "使用示例店铺放心试用，任何操作都不会影响真实买家。",
        "Real platform": "正式平台",
        "&Address": "地址(&A)",
        "App &key": "应用 Key(&K)",
        "App &secret": "应用 Secret(&S)",
        "Leave empty to keep the saved secret": "留空则保留已保存的密钥",
        "Allow saving the secret in a file in the data folder (less safe)": "允许把密钥保存在数据文件夹中的文件里（安全性较低）",
        "Save platform": "保存平台设置",
        "Sync": "同步",
        "Sync &every": "同步间隔(&E)",
        " min": " 分钟",
        "Sync interval in minutes": "同步间隔（分钟）",
        "Work offline (keep changes here, do not contact the platform)": "离线工作（修改只保存在本机，不连接平台）",
        "Data folder": "数据文件夹",
        "Open folder": "打开文件夹",
        "Change…": "更换…",
        "Your stores, changes and settings are kept here. A new folder is used after a restart.": "您的店铺、修改和设置都保存在这里。更换文件夹后需重启才会生效。",
        "The secret is kept in the system keyring.": "密钥保存在系统钥匙串中。",
        "This computer has no system keyring, so the secret cannot be stored safely. You can allow saving it in a file that only your account can read.":
            "这台电脑没有系统钥匙串，无法安全保存密钥。您可以允许把它保存在只有您的账户能读取的文件中。",
        "Saved. The demo platform is used after a restart.": "已保存。重启后使用演示平台。",
        "Enter the platform address (https://…) and the app key.": "请输入平台地址（https://…）和应用 Key。",
        "The secret was not saved: no system keyring. Allow the file option to save it.": "密钥未保存：没有系统钥匙串。请勾选文件保存选项后再保存。",
        "Saved. The console connects to this platform after a restart.": "已保存。重启后将连接到这个平台。",
        "Choose the data folder": "选择数据文件夹",
        "The console uses %1 after a restart.": "重启后将使用 %1。",
    },
    "StoreDetail": {
        "Platform": "平台",
        "Your setting": "您的设置",
        "Shoppers": "买家",
        "Why isn't %1 shown to my shoppers?": "为什么买家看不到%1？",
        "%1 on or off": "%1开关",
        "%1 · waiting to sync": "%1 · 待同步",
        "%1 · your last change was refused": "%1 · 上次修改被拒绝",
        "Shown at checkout": "收银台显示",
        "Not shown at checkout": "收银台不显示",
        "The platform refused your last change: %1": "平台拒绝了您上次的修改：%1",
        "Cannot be changed now: %1": "现在无法修改：%1",
        "%1 Reason: %2": "%1原因：%2",
        "Approved: goes live on %1.": "已通过：将于 %1 上线。",
        "Available to every store.": "所有店铺均可使用。",
        "WeChat Pay invitation": "微信支付邀请",
        "Next step: %1": "下一步：%1",
        "Phase": "批次",
        "Not in a phase yet": "尚未进入任何批次",
        "Phase %1": "第 %1 批",
        "Application window": "申请时间",
        "%1 to %2": "%1 至 %2",
        "Deadline": "截止时间",
        "Launch date": "上线日期",
        "History": "历史记录",
        "Choose a store in the list to see its payment methods.": "在列表中选择一家店铺，查看它的支付方式。",
        "No store selected": "未选择店铺",
        "%1 cannot be changed now": "%1现在无法修改",
        "Apply for WeChat Pay?": "申请开通微信支付？",
        "This sends the application for %1 to the platform. Shoppers see WeChat Pay once it is approved and the launch date has come.":
            "将为“%1”向平台提交申请。审核通过且到达上线日期后，买家即可看到微信支付。",
        "Apply": "提交申请",
        "Withdraw the application?": "撤回申请？",
        "The review of %1 stops. You can apply again while the application window is open.": "“%1”的审核将停止。申请期内可以再次申请。",
        "Withdraw": "撤回申请",
        "Turn on %1?": "开启%1？",
        "Shoppers of %1 will be able to pay with %2.": "“%1”的买家将可以使用%2付款。",
        "Turn on": "确认开启",  # the confirmation's button, beside 取消 (a bare 关闭 reads as "close")
        "Turn off %1?": "关闭%1？",
        "Shoppers of %1 will no longer be able to pay with %2.": "“%1”的买家将无法再使用%2付款。",
        "Turn off": "确认关闭",
        "The change was not made": "修改未完成",
        "Something went wrong on our side; nothing was changed. Details are in the log.": "我们这边出了问题，没有作任何修改。详情已记录在日志中。",
    },
    "StoresModel": {
        "Store": "店铺",
        "Platform": "平台",
        "WeChat Pay": "微信支付",
        "Alipay": "支付宝",
        "Sync": "同步",
        "Deadline": "截止",
        "%1 · phase %2": "%1 · 第 %2 批",
        "Waiting": "待同步",
    },
    "StoresView": {
        "Stores": "店铺",
        "Search by store name or ID (Ctrl+F)": "按店铺名称或 ID 搜索（Ctrl+F）",
        "Search stores": "搜索店铺",
        "All platforms": "全部平台",
        "Platform": "平台",
        "Any setting": "全部设置",
        "WeChat Pay on": "微信支付已开启",
        "WeChat Pay off": "微信支付已关闭",
        "Alipay on": "支付宝已开启",
        "Alipay off": "支付宝已关闭",
        "Payment method setting": "支付方式设置",
        "Change in bulk…": "批量修改…",
        "Turn a payment method on or off for the selected stores": "为选中的店铺开启或关闭一种支付方式",
        "No store matches these filters.": "没有符合筛选条件的店铺。",
        "All %1": "全部 %1",
        "Deadline within 7 days %1": "7 天内截止 %1",
        "Waiting to sync %1": "待同步 %1",
        "Showing %1 of %2": "显示 %1 / 共 %2",
    },
    "Texts": {
        "Taobao": "淘宝",
        "Tmall": "天猫",
        "Alipay": "支付宝",
        "WeChat Pay": "微信支付",
        "Mobile app": "手机 App",
        "PC web": "电脑网页",
        "WeChat mini program": "微信小程序",
        "Alipay mini program": "支付宝小程序",
        "Open": "营业中",
        "Frozen": "已冻结",
        "Closed": "已关闭",
        "Not invited": "未受邀",
        "Invited": "已受邀",
        "In review": "审核中",
        "Approved": "已通过",
        "Live": "已上线",
        "Rejected": "未通过",
        "Expired": "已过期",
        "Withdrawn": "已撤回",
        "This store has not been invited to offer WeChat Pay yet.": "这家店铺尚未受邀开通微信支付。",
        "This store is invited: apply before the deadline to offer WeChat Pay.": "这家店铺已受邀：请在截止前申请开通微信支付。",
        "The platform is reviewing the application.": "平台正在审核申请。",
        "Approved: WeChat Pay goes live on the launch date.": "已通过：微信支付将在上线日期上线。",
        "Live: shoppers can pay with it.": "已上线：买家可以用它付款。",
        "The application was rejected.": "申请未通过。",
        "The invitation expired before an application was made.": "邀请已过期，期间未提交申请。",
        "The platform withdrew the invitation.": "平台已撤回邀请。",
        "The platform froze this payment method for the store.": "平台已冻结这家店铺的这种支付方式。",
        "Confirmed": "已确认",
        "Waiting to sync": "待同步",
        "Refused": "被拒绝",
        "On": "开",
        "Off": "关",
        "The business licence does not match the store's registered company. Update the licence in the store's profile, then apply again.":
            "营业执照与店铺登记的公司不一致。请在店铺资料中更新营业执照后重新申请。",
        "WeChat Pay is not available for this store's category yet.": "这家店铺所在的类目暂不支持微信支付。",
        "The platform's risk review did not pass. Contact platform support for details.": "未通过平台的风险审核。请联系平台客服了解详情。",
        "The store profile is incomplete. Fill in the missing details, then apply again.": "店铺资料不完整。请补全资料后重新申请。",
        "The platform gave the reason code %1.": "平台给出的原因代码为 %1。",
        "The platform gave no reason.": "平台未说明原因。",
        "this payment method": "这种支付方式",
        "The store is frozen by the platform, so its payment methods cannot be changed.": "店铺已被平台冻结，无法修改支付方式。",
        "The store is closed, so nothing can be changed.": "店铺已关闭，无法作任何修改。",
        "This store has not been invited to WeChat Pay yet. Invitations open in phases; you will be told when this store's phase opens.":
            "这家店铺尚未受邀开通微信支付。邀请分批开放，轮到这家店铺时会通知您。",
        "This store's application window opens on %1.": "这家店铺的申请将于 %1 开始。",
        "This store's application window has not opened yet.": "这家店铺的申请尚未开始。",
        "The store is invited but has not applied yet. Turn WeChat Pay on before %1 to apply.": "店铺已受邀但尚未申请。请在 %1 前开启微信支付以提交申请。",
        "The store is invited but has not applied yet. Turn WeChat Pay on to apply.": "店铺已受邀但尚未申请。开启微信支付即可提交申请。",
        "The invitation expired before an application was made. A later phase may invite this store again.": "邀请已过期，期间未提交申请。之后的批次可能会再次邀请这家店铺。",
        "The platform withdrew this store's invitation. Contact platform support to ask why.": "平台撤回了这家店铺的邀请。请联系平台客服了解原因。",
        "The application is being reviewed by the platform. This usually takes a few days.": "平台正在审核申请，通常需要几天时间。",
        "Approved. WeChat Pay goes live for shoppers on %1.": "已通过。微信支付将于 %1 对买家上线。",
        "Approved. WeChat Pay goes live for shoppers on the launch date.": "已通过。微信支付将在上线日期对买家上线。",
        "The application was rejected: %1": "申请未通过：%1",
        "The platform froze %1 for this store. Contact platform support to lift it.": "平台冻结了这家店铺的%1。请联系平台客服解除。",
        "%1 is turned off in your settings.": "您在设置中关闭了%1。",
        "This is the store's last live payment method. Turn another one on first, or shoppers could not pay at all.":
            "这是店铺最后一种可用的支付方式。请先开启另一种，否则买家将无法付款。",
        "Your change is saved here and waits to be sent to the platform. It is sent automatically when the connection is back.":
            "您的修改已保存在本机，正等待发送到平台。连接恢复后会自动发送。",
        "Nothing to change: it already has this setting.": "无需修改：已经是这个设置。",
        "%1 is not offered on %2.": "%2上不提供%1。",
        "%1 is not offered on this device.": "这种设备上不提供%1。",
        "The amount is above the %1 limit for %2.": "金额超过%2的 %1 限额。",
        "The amount is above the limit for %1.": "金额超过%1的限额。",
        "Enter an amount greater than zero.": "请输入大于零的金额。",
        "The platform has not published terms for %1 yet; sync to fetch them.": "平台尚未发布%1的费率条款；同步后即可获取。",
        "The opinion period has not started yet.": "意见征集期尚未开始。",
        "The opinion period is over, so feedback can no longer be sent.": "意见征集期已结束，无法再提交反馈。",
        "Write your feedback first.": "请先填写反馈内容。",
        "Feedback can be at most %1 characters.": "反馈最多 %1 个字。",
        "This store is not in your list any more.": "这家店铺已不在您的列表中。",
        "This announcement is not available any more.": "这条公告已不存在。",
        "The platform refused the change: %1": "平台拒绝了这项修改：%1",
        "The platform refused the change.": "平台拒绝了这项修改。",
        "Nothing to do, everything is set up.": "无需操作，一切已设置妥当。",  # follows 下一步：
        "Cannot reach the platform. Changes are kept and sent when it is back.": "无法连接平台。修改已保留，恢复连接后发送。",
        "The platform did not accept the app key or secret. Check them in Settings.": "平台不接受应用 Key 或 Secret，请在设置中检查。",
        "The platform had a problem. Trying again shortly.": "平台出现问题，稍后自动重试。",
        "The platform asked us to slow down. Trying again shortly.": "平台要求放慢请求速度，稍后自动重试。",
        "The platform sent an answer we could not check. Trying again shortly.": "平台的应答无法通过校验，稍后自动重试。",
        "The platform says this computer's clock is wrong. Set the date and time correctly; changes are kept until then.":
            "平台提示本机时间不准确。请校正电脑的日期和时间；在此之前修改会保留在本机。",
        "You switched platform accounts, but changes made for the previous one are still waiting or refused. Discard them under Waiting to sync to finish the switch.":
            "您已更换平台账号，但还有为之前账号做的修改待同步或被拒绝。请在“待同步”中放弃这些修改，以完成切换。",
        "Another sync of this data is running (perhaps from the command line). Trying again shortly.":
            "另一个同步正在处理这份数据（可能来自命令行），稍后自动重试。",
        "Fee %1": "费率 %1",
    },
    "Welcome": {
        "Welcome to Merchant Console": "欢迎使用商家控制台",
        "Get started": "开始使用",
    },
}

WELCOME_BODY_ZH = (
    "<p>在一个地方查看所有店铺的支付方式：哪些店铺受邀在支付宝之外开通微信支付、各自的截止时间，"
    "以及买家在收银台能看到什么。</p>"
    "<p><b>您正在使用演示平台。</b>它运行在这台电脑上，带有示例店铺，可以放心试用：这里的任何操作都不会影响真实买家。</p>"
    "<p>要管理您的真实店铺，请打开<b>设置</b>，选择<b>正式平台</b>，并填入商家后台提供的地址、应用 Key 和 Secret。</p>"
    "<p>您的修改会立即保存，并在后台发送到平台。没有网络时修改会先保留，恢复连接后自动发送。</p>"
)


def fill(path: Path = TS) -> list[tuple[str, str]]:
    """Write translations into ``path``; return the (context, source) pairs left untranslated."""
    tree = ET.parse(path)
    missing: list[tuple[str, str]] = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        table = ZH.get(name, {})
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            text = WELCOME_BODY_ZH if name == "Welcome" and source.startswith("<p>") else table.get(source)
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            if text is None:
                missing.append((name, source))
                continue
            tr.text = text
            tr.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


# the views engineer's files have their own catalogue (views_zh_CN.ts)
VIEWS_CATALOGUE = {"views/checkout.py", "views/announcements.py", "views/activity.py", "qr.py", "money.py"}


def update() -> None:
    """Run lupdate over every console/ui file of the shell catalogue (never an empty list: that
    would make lupdate drop every entry as obsolete)."""
    import subprocess

    ui = TS.parents[2] / "console" / "ui"
    files = sorted(
        str(p) for p in ui.rglob("*.py")
        if "__pycache__" not in p.parts and p.relative_to(ui).as_posix() not in VIEWS_CATALOGUE
    )
    if not files:
        raise SystemExit("no console/ui files found: refusing to run lupdate on nothing")
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-no-obsolete", *files, "-ts", str(TS)], check=True)


if __name__ == "__main__":
    if "--update" in sys.argv[1:]:
        update()
    left = fill()
    for ctx, src in left:
        print(f"untranslated: [{ctx}] {src!r}", file=sys.stderr)
    sys.exit(1 if left else 0)
