"""The one source of the window's Chinese: every widget string's translation, written into
resources/i18n/console_zh_CN.ts.

Why a Python table and not a hand-edited .ts: ``pyside6-lupdate`` regenerates the .ts from the
code (new strings appear unfinished, moved ones lose their translation); this table, keyed by
(context, source), survives that, reviews as a plain diff, and ``fill`` fails if any string is
left untranslated, so the Chinese UI never shows English. Domain words (names, statuses,
reasons) are not here: they live in ``console/words`` for the command line and the window alike.

    .venv/bin/python tools/zh_CN.py --update   # lupdate over console/ui, then fill
    make translations                          # build the .qm
"""

# ruff: noqa: E501  (a translation table: one line per string reads best)
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "console_zh_CN.ts"

ZH: dict[str, dict[str, str]] = {
    "App": {
        "Cannot connect to the platform. Your changes are kept here. Check the platform settings, or work offline.":
            "无法连接平台。您的修改已保存在本机。请检查平台设置，或切换为离线工作。",
    },
    "BulkDialog": {
        "Change in bulk": "批量修改",
        "Turn one payment method on or off for many stores. You see what would happen to each store before anything changes.":
            "为多家店铺统一开启或关闭一种支付方式。正式修改前，会先列出每家店铺将发生什么。",
        "The stores checked in the list (none is checked)": "列表中勾选的店铺（当前未勾选任何店铺）",
        "The store checked in the list": "列表中勾选的 1 家店铺",
        "The %1 stores checked in the list": "列表中勾选的 %1 家店铺",
        "All stores matching the list's filter": "符合列表筛选条件的所有店铺",
        "The 1 store matching the list's filter": "符合列表筛选条件的 1 家店铺",
        "All %1 stores matching the list's filter": "符合列表筛选条件的全部 %1 家店铺",
        "All stores": "所有店铺",
        "The only store": "唯一的 1 家店铺",
        "All %1 stores": "全部 %1 家店铺",
        "&Payment method": "支付方式(&P)",
        "Change": "修改",
        "Turn on": "开启",
        "Turn off": "关闭",
        "&Show": "显示(&S)",
        "Every store": "所有店铺",
        "Export CSV…": "导出 CSV…",
        "Show the refused stores": "查看被拒绝的店铺",
        "Open Waiting to sync": "打开“待同步”",
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
        "%1 already so": "%1 家已是如此",
        "%1 refused": "%1 家被拒绝",
        "%1 for 1 store: %3.": "为 1 家店铺%1：%3。",
        "%1 for %2 stores: %3.": "为 %2 家店铺%1：%3。",
        ", ": "，",
        "nothing to change": "没有需要修改的店铺",
        "Saving…": "正在保存…",
        "Saving the changes on this computer": "正在本机保存修改",
        "Sending to the platform starts when they are saved": "保存后开始发送到平台",
        "1 store saved": "已保存 1 家店铺",
        "%1 stores saved": "已保存 %1 家店铺",
        "Sent to the platform: %1 of %2, %3 confirmed": "已发送到平台：%1 / %2，平台已确认 %3",
        "Stopped at your request: the %1 stores saved stay changed and are sent; the other %2 were not changed.":
            "已按您的要求停止：已保存的 %1 家店铺保持修改并会发送，其余 %2 家未修改。",
        "%1 could not be changed after all: they changed since the check.": "另有 %1 家在检查后情况有变，未能修改。",
        "The changes are saved here; they are confirmed as the platform answers.": "修改已保存在本机，平台答复后即确认。",
        "The platform refused %1: Waiting to sync says why.": "平台拒绝了 %1 家：原因见“待同步”页。",
        "Not connected to the platform now: they are sent when it is back.": "目前未连接平台：恢复连接后会发送。",
        "%1 %2": "%1%2",  # two sentences in a row: no space in Chinese
        "Sending…": "正在发送…",
        "Stopped": "已停止",
        "Done": "已完成",
        "Something went wrong": "出错了",
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
    "DemoView": {
        "Demo controls": "演示控制",
        "Play the rollout on the demo platform: move its clock, finish a review, publish a rule change. Each action syncs, and what changed is shown below. None of this exists on a real platform.":
            "在演示平台上体验开通流程：拨动平台时间、完成审核、发布规则变更。每个操作后都会同步，变化显示在下方。真实平台上没有这些操作。",
        "Demo controls work only on the demo platform.": "演示控制只能用于演示平台。",
        "Platform time: %1": "平台时间：%1",
        "To the next event: %1": "前进到下一事件：%1",
        "No next event": "没有下一事件",
        "Nothing is scheduled on the platform.": "平台上没有安排中的事件。",
        "Choose a store whose review is pending.": "请选择一家审核中的店铺。",
        "Move the platform clock": "拨动平台时间",
        "Advance 1 day": "前进 1 天",
        "Advance 1 week": "前进 1 周",
        "Coming up": "即将发生",
        "Finish a review": "完成审核",
        "Store:": "店铺：",
        "Reason if rejected:": "未通过的原因：",
        "Approve": "通过",
        "Reject": "不通过",
        "Publish a fee change": "发布费率调整",
        "New WeChat Pay fee:": "新的微信支付费率：",
        "Opinion period (days):": "意见征集期（天）：",
        "In effect after (days):": "生效前天数：",
        "Publish": "发布",
        "Platform": "平台",
        "Take offline": "设为离线",
        "Bring back online": "恢复在线",
        "What changed": "发生的变化",
    },
    "MainWindow": {
        "Demo controls": "演示控制",
        "This page could not be opened. Details are in the log.": "此页面无法打开，详情已记录在日志中。",
        "Merchant Console": "商家控制台",
        "1 change has not reached the platform yet": "有 1 项修改尚未送达平台",
        "%1 changes have not reached the platform yet": "有 %1 项修改尚未送达平台",
        "They are kept on this computer and sent with the next sync, the next time you open Merchant Console. Until then shoppers see your previous settings.": "这些修改已保存在本机，会在下次打开商家控制台同步时发送。在此之前，买家看到的仍是原来的设置。",
        "Quit anyway": "仍然退出",
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
        "%1 · %2": "%1 · %2",
        "not shown": "买家不可见",
        "Checked": "已选中",
        "Not checked": "未选中",
        "Check stores to change them in bulk": "选中店铺以批量修改",
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
        "Turn a payment method on or off for the checked stores, or for every store shown": "为选中的店铺（未选中时为列表中显示的全部店铺）开启或关闭一种支付方式",
        "WeChat Pay shown to shoppers": "微信支付买家可见",
        "WeChat Pay not shown to shoppers": "微信支付买家不可见",
        "Alipay shown to shoppers": "支付宝买家可见",
        "Alipay not shown to shoppers": "支付宝买家不可见",
        "Select all": "全选",
        "Check every store shown": "选中列表中显示的全部店铺",
        "Clear selection": "取消选择",
        "Shown to shoppers %1": "买家可见 %1",
        "Not shown %1": "买家不可见 %1",
        "Frozen %1": "已冻结 %1",
        "Expired %1": "已过期 %1",
        "Withdrawn %1": "已撤回 %1",
        "Stores where shoppers can pay with WeChat Pay now": "买家现在可以使用微信支付付款的店铺",
        "Stores where shoppers cannot pay with WeChat Pay now": "买家现在无法使用微信支付付款的店铺",
        "The store or its WeChat Pay is frozen by the platform's risk review": "店铺或其微信支付已被平台风控冻结",
        "The WeChat Pay invitation expired": "微信支付邀请已过期",
        "The platform withdrew the WeChat Pay invitation": "平台已撤回微信支付邀请",
        "All %1 stores shown are checked.": "已选中列表中显示的全部 %1 家店铺。",
        "All %1 stores are checked.": "已选中全部 %1 家店铺。",
        "%1 checked": "已选中 %1 家",
        " (%1 not shown by these filters)": "（其中 %1 家不在当前筛选结果中）",
        "Check all %1 stores shown": "选中列表中显示的全部 %1 家店铺",
        "No store matches these filters.": "没有符合筛选条件的店铺。",
        "All %1": "全部 %1",
        "Deadline within 7 days %1": "7 天内截止 %1",
        "Waiting to sync %1": "待同步 %1",
        "Showing %1 of %2": "显示 %1 / 共 %2",
    },
    "Texts": {
        "Fee %1": "费率 %1",
    },
    "Welcome": {
        "Welcome to Merchant Console": "欢迎使用商家控制台",
        "Get started": "开始使用",
    },
    "ActivityView": {
        'Activity': '操作记录',
        'Every change you made and every sync with the platform, newest first.': '您做的每一项修改和每一次与平台的同步，最新的在最前。',
        '&Store': '店铺(&S)',
        '&Method': '支付方式(&M)',
        '&Outcome': '结果(&O)',
        'Export CSV…': '导出 CSV…',
        'All stores': '全部店铺',
        'All methods': '全部支付方式',
        'All outcomes': '全部结果',
        'The activity could not be read. Please try again.': '无法读取操作记录，请重试。',
        '1 entry': '1 条记录',
        '%1 entries': '%1 条记录',
        'No entries match these filters. Choose “All” in a filter to see more.': '没有符合这些筛选条件的记录。在筛选中选择“全部”可查看更多。',
        'Nothing has happened yet. Changes you make and each sync with the platform will be listed here.': '还没有任何记录。您做的修改和每次与平台的同步都会列在这里。',
        'When': '时间',
        'Who': '操作方',
        'What': '操作',
        'Store': '店铺',
        'Method': '支付方式',
        'Result': '结果',
        'Details': '详情',
        'You': '您',
        'Sync': '同步',
        'Platform': '平台',
        'Done': '已完成',
        'Confirmed by the platform': '平台已确认',
        'Waiting to sync': '待同步',
        'Merged with an unsent change': '已合并到未发送的修改',
        'Cancelled (no change)': '已取消（无变化）',
        'Refused': '被拒绝',
        'Discarded': '已放弃',
        'Failed': '失败',
        'a payment method': '支付方式',
        'The platform refused: turn on %1': '被平台拒绝：开启%1',
        'The platform refused: turn off %1': '被平台拒绝：关闭%1',
        'The platform refused a change of %1': '平台拒绝了%1的修改',
        'Sent to the platform: turn on %1': '已提交平台：开启%1',
        'Turn on %1': '开启%1',
        'Sent to the platform: turn off %1': '已提交平台：关闭%1',
        'Turn off %1': '关闭%1',
        'Sent a change of %1 to the platform': '已向平台提交%1的修改',
        'Change %1': '修改%1',
        'Sent your feedback to the platform': '已向平台提交您的反馈',
        'Send feedback on a rule change': '对规则变更提交反馈',
        'Send a change to the platform': '向平台提交修改',
        'Fetch updates from the platform': '从平台获取更新',
        'Fetched updates from the platform': '已从平台获取更新',
        'Fetched updates from the platform (%1 times this day)': '已从平台获取更新（当天 %1 次）',
        'Store ID': '店铺 ID',
        'Store name': '店铺名称',
        'The platform refused a change': '平台拒绝了一项修改',
        'Retry a change': '重试修改',
        'Discard a change': '放弃修改',
        'Mark an announcement read': '将公告标为已读',
        '1 update received': '收到 1 条更新',
        '%1 updates received': '收到 %1 条更新',
        'Platform status: %1': '平台状态：%1',
        'the platform already had it': '平台此前已收到',
        'Announcement: %1': '公告：%1',
        'Preview only, nothing changed': '仅预览，未做任何修改',
        'Export activity': '导出操作记录',
        'CSV file (*.csv)': 'CSV 文件 (*.csv)',
        'Saved 1 entry to %2.': '已将 1 条记录保存到 %2。',
        'Saved %1 entries to %2.': '已将 %1 条记录保存到 %2。',
    },
    "AnnouncementListModel": {
        'Unread': '未读',
    },
    "AnnouncementsView": {
        "Warning": "注意",
        'Rule changes': '规则变更',
        'The platform announces rule changes before they take effect. While the opinion period is open you can send your feedback.': '平台会在规则生效前发布变更公告。意见征集期内，您可以提交反馈。',
        'Published': '发布时间',
        'Opinion period': '意见征集期',
        'Takes effect': '生效时间',
        'What changes for you': '对您的影响',
        'Your feedback': '您的反馈',
        'What does this change mean for your business? The platform reads every comment.': '这项变更对您的经营有什么影响？平台会阅读每一条反馈。',
        'Send feedback': '提交反馈',
        'Countdown': '倒计时',
        'No announcements yet. New rule changes appear here after a sync.': '暂无公告。同步后，新的规则变更会显示在这里。',
        '%1 %2': '%1 %2',
        'Opinion period opens in %1': '意见征集期将在 %1后开始',
        '%1 left to send feedback': '距反馈截止还剩 %1',
        'Opinion period closed on %1': '意见征集期已于 %1 结束',
        'Feedback open · %1 left': '可提交反馈 · 还剩 %1',
        'Takes effect %1': '%1 生效',
        'In effect since %1': '已于 %1 生效',
        'Waiting to sync': '待同步',
        'Refused by the platform': '被平台拒绝',
        'Received by the platform': '平台已收到',
        'Mark as unread': '标为未读',
        'Mark as read': '标为已读',
        "Published only %1 before it takes effect: less than the 7 days' notice the rules require. You may raise this in your feedback or with platform support.":
            '本公告发布后仅 %1即生效，不足规定的 7 天公示期。您可以在反馈中提出，或联系平台客服。',
        '%1 to %2': '%1 至 %2',
        ', ': '、',
        'all platforms': '所有平台',
        'Counting your stores…': '正在统计您的店铺…',
        'None of your stores are on %1: nothing changes for you.': '您没有在%1上的店铺，这项变更对您没有影响。',
        'It applies to all %1 of your stores.': '适用于您的全部 %1 家店铺。',
        '1 of your %2 stores is on %3.': '您的 %2 家店铺中有 1 家在%3上。',
        '%1 of your %2 stores are on %3.': '您的 %2 家店铺中有 %1 家在%3上。',
        '%1 is on in %2 of them.': '其中 %2 家已开启%1。',
        '%1 %2\n#two sentences in a row': '%1%2',  # same source, told apart by its comment
        'You have not sent feedback on this yet.': '您还没有就此提交过反馈。',
        'Feedback opens on %1, when the opinion period starts.': '意见征集期于 %1 开始，届时即可提交反馈。',
        'The opinion period ended on %1, so feedback can no longer be sent.': '意见征集期已于 %1 结束，无法再提交反馈。',
        'Saved. Your feedback is waiting to sync and is sent as soon as the platform can be reached.': '已保存。您的反馈正在等待同步，连上平台后会立即发送。',
        'Your feedback could not be saved on this computer. Please try again.': '您的反馈未能保存在本机，请重试。',
        'Could not count your stores.': '无法统计您的店铺。',
    },
    "CheckoutView": {
        'Checkout preview': '收银台预览',
        'See the payment page exactly as your shoppers will, for any store, amount and device. Works offline from the data on this computer.': '按店铺、金额和设备查看买家看到的付款页面。使用本机数据，离线也能用。',
        '&Store': '店铺(&S)',
        'Search by store name or ID': '按店铺名称或 ID 搜索',
        '&Amount': '金额(&A)',
        'e.g. 128.00': '例如 128.00',
        "Shopper's device": '买家设备',
        'What shoppers see. Fees in grey are shown only to you.': '买家看到的页面。灰色的手续费信息仅您可见。',
        'Not shown to shoppers': '买家看不到的支付方式',
        'Store receiving code': '店铺收款码',
        'Export sign…': '导出收款码牌…',
        "A sign to print for the till: the store's name, the code and the wallets that pay it, no fees": '打印后放在收银台的码牌：店铺名称、收款码和可付款的钱包，不含手续费',
        'What shoppers see at checkout': '买家在收银台看到的页面',
        'Store receiving QR code': '店铺收款二维码',
        'Fees per month': '每月手续费',
        'Monthly &sales (¥)': '月销售额（元）(&S)',
        'The preview still shows %1.': '预览仍按 %1 显示。',
        'Every method is shown for this amount and device.': '此金额和设备下，所有支付方式都会显示。',
        'hidden because:': '不显示的原因：',
        'Export receiving code sign': '导出收款码牌',
        'PDF, A6 card for the till (*.pdf)': 'PDF，A6 收银台台卡 (*.pdf)',
        'PDF, A4 poster (*.pdf)': 'PDF，A4 海报 (*.pdf)',
        'PNG image, 1200 pixels wide (*.png)': 'PNG 图片，宽 1200 像素 (*.png)',
        'Saved to %1.': '已保存到 %1。',
        'Could not save to %1.': '无法保存到 %1。',
    },
    "ReceiveCode": {
        'This store has no receiving code yet.': '这家店铺还没有收款码。',
        'Code content: %1': '码内容：%1',
        'One code for several wallets. Shoppers can pay it with:': '一码多付，买家可用以下钱包扫码付款：',
        'No wallet can pay this code right now.': '目前没有钱包可以支付此收款码。',
    },
    "FeeComparison": {
        'Monthly fee per method, as bars': '各支付方式每月手续费条形图',
        'Fees per month': '每月手续费',
        'Method': '支付方式',
        'Rate': '费率',
        'Fee per month': '月手续费',
        'You receive': '实际到账',
        '%1 (not available to your shoppers yet)': '%1（买家暂不可用）',
        'Paid entirely with %1, this month would cost %2 less than with %3.': '如果全部使用%1付款，本月手续费比%3少 %2。',
        'Both methods cost the same at these rates.': '按当前费率，两种支付方式的手续费相同。',
        'Choose a store to compare its fees.': '请选择店铺以比较手续费。',
        "Rates come from the platform's published terms for this store.": '费率来自平台为这家店铺公布的条款。',
    },
    "ShopperScreen": {
        'Checkout': '收银台',
        'Choose a store to see its checkout.': '请选择店铺以查看收银台。',
        'Pay with': '选择支付方式',
        'No payment method is available: shoppers cannot pay.': '没有可用的支付方式，买家无法付款。',
        'Pay %1': '确认付款 %1',
        'Secure checkout': '安全收银台',
        'Default': '默认',
        'Scan the QR code with the app': '用 App 扫码付款',
        'Pay in the app': '在 App 内付款',
        'Only you see this: fee %1 (%2), you receive %3': '仅您可见：手续费 %1（%2），实际到账 %3',
    },
    "SalesView": {
        "Sales": "销售",
        "Daily gross by payment method: what turning on WeChat Pay brought, and its fees against the other method.":
            "按支付方式查看每天的交易金额：开通微信支付带来了什么，手续费与另一种方式相比如何。",
        "Period": "时间段",
        "Platform": "平台",
        "Channel": "渠道",
        "Stores": "店铺",
        "Store ids, comma-separated; empty for all stores": "店铺编号，用逗号分隔；留空为全部店铺",
        "Last %1 days": "最近 %1 天",
        "All": "全部",
        "Daily gross by payment method": "每日交易金额（按支付方式）",
        "WeChat Pay's share since go-live": "微信支付自开通以来的占比",
        "WeChat Pay is not live in any store selected.": "所选店铺中还没有开通微信支付的。",
        "Of %1 sold since go-live, %2 was WeChat Pay (%3), %4 payments.": "开通后的销售额 %1 中，微信支付 %2（%3），共 %4 笔。",
        "Fees paid against the other method": "手续费：实际支付与换用另一种方式",
        "Day": "日期",
        "Gross": "交易金额",
        "Payment method": "支付方式",
        "Fees paid": "实付手续费",
        "Fees with the other method": "换用另一种方式的手续费",
        "Saved": "节省",
        "Before": "开通前",
        "After": "开通后",
        "Before and after go-live (%1 days each side)": "开通前后对比（前后各 %1 天）",
        "No store has %1 full days on both sides of its go-live inside the period.": "时间段内没有开通前后各 %1 天都完整的店铺。",
        "Adding up…": "正在汇总…",
        "No synced sales in this period. Sync, then look again.": "这段时间没有已同步的交易。同步后再来看。",
        "The sales could not be read. Please try again.": "销售数据读取失败，请重试。",
    },
    "ReconciliationView": {
        "Reconciliation": "对账",
        "Each day's settlement from each wallet against the synced payments: matched, or the difference explained.":
            "每天每个钱包的结算与已同步的付款逐笔核对：相符，或说明差异。",
        "Period": "时间段",
        "Stores": "店铺",
        "Store ids, comma-separated; empty for all stores": "店铺编号，用逗号分隔；留空为全部店铺",
        "Last %1 days": "最近 %1 天",
        "Reconcile": "对账",
        "Export CSV…": "导出 CSV…",
        "Export XLSX…": "导出 XLSX…",
        "Reconciling…": "正在对账…",
        "Reconciliation failed. Please try again.": "对账失败，请重试。",
        "%1 settlements, %2 do not match.": "%1 笔结算，%2 笔不符。",
        "Exported to %1": "已导出到 %1",
        "Could not export to %1: %2": "无法导出到 %1：%2",
    },
}

WELCOME_BODY_ZH = (
    "<p>在一个地方查看所有店铺的支付方式：哪些店铺受邀在支付宝之外开通微信支付、各自的截止时间，"
    "以及买家在收银台能看到什么。</p>"
    "<p><b>您正在使用演示平台。</b>它运行在这台电脑上，带有示例店铺，可以放心试用：这里的任何操作都不会影响真实买家。</p>"
    "<p>要管理您的真实店铺，请打开<b>设置</b>，选择<b>正式平台</b>，并填入商家后台提供的地址、应用 Key 和 Secret。</p>"
    "<p>您的修改会立即保存，并在后台发送到平台。没有网络时修改会先保留，恢复连接后自动发送。</p>"
)


def _key(msg: ET.Element) -> str:
    """The table key of a message: its source, plus "\n#comment" when lupdate has a comment
    (the same source can need two translations, e.g. "%1 %2" for a duration and for sentences)."""
    source = msg.findtext("source") or ""
    comment = msg.findtext("comment")
    return f"{source}\n#{comment}" if comment else source


def fill(path: Path = TS) -> list[tuple[str, str]]:
    """Write translations into ``path``; return the (context, source) pairs left untranslated."""
    tree = ET.parse(path)
    missing: list[tuple[str, str]] = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        table = ZH.get(name, {})
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            key = _key(msg)
            text = WELCOME_BODY_ZH if name == "Welcome" and source.startswith("<p>") else table.get(key)
            if text is None and key != source:
                text = table.get(source)
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


def stale(path: Path = TS) -> list[tuple[str, str]]:
    """Entries of the table no string in the catalogue uses any more (to delete from ZH)."""
    used = {
        (ctx.findtext("name") or "", key)
        for ctx in ET.parse(path).getroot().iter("context")
        for msg in ctx.iter("message")
        for key in {_key(msg), msg.findtext("source") or ""}
    }
    return [(ctx, src) for ctx, table in ZH.items() for src in table if (ctx, src) not in used]


def update() -> None:
    """Run lupdate over every console/ui file (never an empty list: that would make lupdate drop
    every entry as obsolete)."""
    import subprocess

    ui = TS.parents[2] / "console" / "ui"
    files = sorted(
        str(p) for p in ui.rglob("*.py")
        if "__pycache__" not in p.parts
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
    for ctx, src in stale():
        print(f"unused, delete from ZH: [{ctx}] {src!r}", file=sys.stderr)
    sys.exit(1 if left else 0)
