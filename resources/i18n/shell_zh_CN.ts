<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../console/ui/app.py" line="184" />
        <source>The local data file is in use by another program.</source>
        <translation>本机数据文件正被另一个程序占用。</translation>
    </message>
    <message>
        <location filename="../../console/ui/app.py" line="185" />
        <source>Close the other program (or wait for it to finish) and try again. The file was not changed:
%1</source>
        <translation>请关闭该程序（或等它完成）后重试。文件未作任何改动：
%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/app.py" line="193" />
        <source>This data was saved by a newer version of Merchant Console.</source>
        <translation>这些数据由更新版本的商家控制台保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/app.py" line="194" />
        <source>Install the newer version to open it. The file was not changed:
%1</source>
        <translation>请安装新版本后再打开。文件未作任何改动：
%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/app.py" line="199" />
        <source>The local data file cannot be read. It may be damaged.</source>
        <translation>无法读取本地数据文件，文件可能已损坏。</translation>
    </message>
    <message>
        <location filename="../../console/ui/app.py" line="200" />
        <source>The file was not changed:
%1
Move it aside to start with fresh data from the platform, or contact support.</source>
        <translation>文件未作任何改动：
%1
可将其移到别处，从平台重新获取数据；或联系客服。</translation>
    </message>
    <message>
        <location filename="../../console/ui/app.py" line="338" />
        <source>Cannot connect to the platform. Your changes are kept here. Check the platform settings, or work offline.</source>
        <translation>无法连接平台。您的修改已保存在本机。请检查平台设置，或切换为离线工作。</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="76" />
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="227" />
        <source>Change in bulk</source>
        <translation>批量修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="229" />
        <source>Turn one payment method on or off for many stores. You see what would happen before anything changes.</source>
        <translation>为多家店铺统一开启或关闭一种支付方式。正式修改前，会先告诉您将发生什么。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="237" />
        <source>The stores selected in the list (none is selected)</source>
        <translation>列表中选中的店铺（当前未选中任何店铺）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="241" />
        <source>The store selected in the list</source>
        <translation>列表中选中的 1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="242" />
        <source>The %1 stores selected in the list</source>
        <translation>列表中选中的 %1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="246" />
        <source>All stores invited to WeChat Pay</source>
        <translation>所有已受邀开通微信支付的店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="248" />
        <source>&amp;Payment method</source>
        <translation>支付方式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="251" />
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="252" />
        <source>Turn on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="253" />
        <source>Turn off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="256" />
        <source>Stores</source>
        <translation>店铺数</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="257" />
        <source>Why they stay as they are</source>
        <translation>不作修改的原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="260" />
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="267" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="269" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="275" />
        <source>Check first</source>
        <translation>先检查</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="281" />
        <source>Change 1 store</source>
        <translation>修改 1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="282" />
        <source>Change %1 stores</source>
        <translation>修改 %1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="287" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="329" />
        <source>Turn on %1</source>
        <translation>开启%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="331" />
        <source>Turn off %1</source>
        <translation>关闭%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="337" />
        <source>%1 will change</source>
        <translation>%1 家将修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="338" />
        <source>%1 cannot change now</source>
        <translation>%1 家暂时无法修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="339" />
        <source>no change needed for %1</source>
        <translation>%1 家无需修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="345" />
        <source>%1 for 1 store: %3.</source>
        <translation>为 1 家店铺%1：%3。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="347" />
        <source>%1 for %2 stores: %3.</source>
        <translation>为 %2 家店铺%1：%3。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="354" />
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="356" />
        <source>nothing to change</source>
        <translation>没有需要修改的店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="402" />
        <source>Changing 1 store…</source>
        <translation>正在修改 1 家店铺…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="433" />
        <source>%1 could not be changed after all: they changed since the check.</source>
        <translation>另有 %1 家在检查后情况有变，未能修改。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="403" />
        <source>Changing %1 stores…</source>
        <translation>正在修改 %1 家店铺…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="427" />
        <source>1 store changed.</source>
        <translation>已修改 1 家店铺。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="428" />
        <source>%1 stores changed.</source>
        <translation>已修改 %1 家店铺。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="439" />
        <source>Stopped at your request; the other stores were not changed.</source>
        <translation>已按您的要求停止，其余店铺未作修改。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="445" />
        <source>The changes are sent to the platform in the background.</source>
        <translation>修改会在后台发送到平台。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="450" />
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="452" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="463" />
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="465" />
        <source>Something went wrong on our side. Stores changed before the problem stay changed; the activity page lists them.</source>
        <translation>我们这边出了问题。出错前已修改的店铺保持修改，可在“操作记录”页查看。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../console/ui/widgets/dialogs.py" line="20" />
        <source>Merchant Console</source>
        <translation>商家控制台</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/dialogs.py" line="35" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/dialogs.py" line="46" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../console/ui/i18n.py" line="99" />
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="99" />
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="103" />
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="104" />
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="109" />
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="114" />
        <source>1 minute</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="115" />
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="124" />
        <source>passed</source>
        <translation>已截止</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="125" />
        <source>in %1</source>
        <translation>还剩 %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="74" />
        <source>This page could not be opened. Details are in the log.</source>
        <translation>此页面无法打开，详情已记录在日志中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="276" />
        <location filename="../../console/ui/main_window.py" line="277" />
        <location filename="../../console/ui/main_window.py" line="489" />
        <source>Merchant Console</source>
        <translation>商家控制台</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="283" />
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="284" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="285" />
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="286" />
        <source>Work &amp;offline</source>
        <translation>离线工作(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="287" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="288" />
        <source>&amp;Store</source>
        <translation>店铺(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="289" />
        <source>&amp;Find a store</source>
        <translation>查找店铺(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="291" />
        <source>&amp;Turn the chosen payment method on or off</source>
        <translation>开启或关闭所选支付方式(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="293" />
        <source>&amp;Next store</source>
        <translation>下一家店铺(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="294" />
        <source>&amp;Previous store</source>
        <translation>上一家店铺(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="295" />
        <source>Change in &amp;bulk…</source>
        <translation>批量修改(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="296" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="299" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="300" />
        <source>&amp;About Merchant Console</source>
        <translation>关于商家控制台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="301" />
        <source>Work offline</source>
        <translation>离线工作</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="303" />
        <source>Keep changes here and do not contact the platform</source>
        <translation>修改只保存在本机，不连接平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="305" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="307" />
        <source>Send waiting changes and fetch news (F5)</source>
        <translation>发送待同步的修改并获取最新消息（F5）</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="309" />
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="313" />
        <source>More menus</source>
        <translation>更多菜单</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="319" />
        <source>Stores</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="320" />
        <source>Store details</source>
        <translation>店铺详情</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="321" />
        <source>Checkout preview</source>
        <translation>收银台预览</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="322" />
        <source>Announcements</source>
        <translation>公告</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="323" />
        <source>Activity</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="324" />
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="325" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="377" />
        <source>About Merchant Console</source>
        <translation>关于商家控制台</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="378" />
        <source>Merchant Console %1</source>
        <translation>商家控制台 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="379" />
        <source>WeChat Pay and Alipay for your Taobao and Tmall stores, even offline.</source>
        <translation>为您的淘宝、天猫店铺管理微信支付和支付宝，离线也能用。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="386" />
        <source>Something went wrong on our side. Your data is safe; details are in the log.</source>
        <translation>我们这边出了问题。您的数据是安全的，详情已记录在日志中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="425" />
        <source>Working offline</source>
        <translation>离线工作中</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="427" />
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="429" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="431" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="433" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="438" />
        <source>All changes synced</source>
        <translation>所有修改已同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="440" />
        <source>1 change waiting</source>
        <translation>1 项修改待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="443" />
        <source>%1 changes waiting</source>
        <translation>%1 项修改待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="446" />
        <source>Last synced %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="450" />
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="454" />
        <source>Sync stopped because of a problem on our side; details are in the log.</source>
        <translation>由于我们这边的问题，同步已停止，详情已记录在日志中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="462" />
        <source>Next try in %1.</source>
        <translation>%1后重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="485" />
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="536" />
        <source>Stores newly invited to WeChat Pay: %1.</source>
        <translation>新受邀开通微信支付的店铺：%1 家。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="537" />
        <source>Reviews approved: %1.</source>
        <translation>审核通过：%1 家。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="540" />
        <source>Reviews rejected: %1 (open the store to see why).</source>
        <translation>审核未通过：%1 家（打开店铺查看原因）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="542" />
        <source>Stores where WeChat Pay went live: %1.</source>
        <translation>微信支付已上线的店铺：%1 家。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="545" />
        <source>Changes refused by the platform: %1 (see Waiting to sync).</source>
        <translation>被平台拒绝的修改：%1 项（见“待同步”）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="549" />
        <source>New announcements: %1.</source>
        <translation>新公告：%1 条。</translation>
    </message>
</context>
<context>
    <name>PendingView</name>
    <message>
        <location filename="../../console/ui/views/pending.py" line="109" />
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="111" />
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="113" />
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="120" />
        <source>Refused.</source>
        <translation>已被拒绝。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="123" />
        <source>Attempts so far: %1. It is tried again automatically.</source>
        <translation>已尝试 %1 次，将自动重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="144" />
        <source>Feedback on an announcement</source>
        <translation>对公告的反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="148" />
        <source>Turn on %1</source>
        <translation>开启%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="150" />
        <source>Turn off %1</source>
        <translation>关闭%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="155" />
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="157" />
        <source>Changes you made are saved here first and sent to the platform in order. If the platform refuses one, it says why below: retry it after fixing the cause, or discard it to go back to the platform's setting.</source>
        <translation>您的修改会先保存在本机，再按顺序发送到平台。如果平台拒绝了某项修改，下方会说明原因：解决问题后可重试，或放弃修改、恢复平台上的设置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="166" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="167" />
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="168" />
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="169" />
        <source>Made at</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="170" />
        <source>Why / next</source>
        <translation>原因 / 下一步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="173" />
        <source>Changes waiting to sync</source>
        <translation>待同步的修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="175" />
        <source>Nothing is waiting: every change has reached the platform.</source>
        <translation>没有待同步的修改：所有修改都已送达平台。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="179" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="181" />
        <source>Check the refused change again and queue it</source>
        <translation>重新检查被拒绝的修改并加入发送队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="183" />
        <location filename="../../console/ui/views/pending.py" line="222" />
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="185" />
        <source>Drop the change and show the platform's setting again</source>
        <translation>放弃这项修改，恢复显示平台上的设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="187" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="218" />
        <source>Discard this change?</source>
        <translation>放弃这项修改？</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="219" />
        <source>“%1” will not be sent. The store shows the platform's setting again.</source>
        <translation>“%1”将不会发送，店铺恢复显示平台上的设置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="236" />
        <source>The change cannot be retried yet</source>
        <translation>这项修改暂时无法重试</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="248" />
        <source>The change was not made</source>
        <translation>修改未完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="249" />
        <source>It may be sending right now. Wait for the sync to finish, then try again.</source>
        <translation>它可能正在发送中。请等同步完成后再试。</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../console/ui/views/settings.py" line="183" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="184" />
        <source>Language and look</source>
        <translation>语言与外观</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="185" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="186" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="189" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="190" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="192" />
        <source>Light or dark follows the system setting.</source>
        <translation>浅色或深色跟随系统设置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="194" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="195" />
        <source>Demo platform on this computer</source>
        <translation>本机演示平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="197" />
        <source>Sample stores to try everything safely; nothing reaches real shoppers.</source>
        <translation>使用示例店铺放心试用，任何操作都不会影响真实买家。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="201" />
        <source>Real platform</source>
        <translation>正式平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="202" />
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="204" />
        <source>App &amp;key</source>
        <translation>应用 Key(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="205" />
        <source>App &amp;secret</source>
        <translation>应用 Secret(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="207" />
        <source>Leave empty to keep the saved secret</source>
        <translation>留空则保留已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="210" />
        <source>Allow saving the secret in a file in the data folder (less safe)</source>
        <translation>允许把密钥保存在数据文件夹中的文件里（安全性较低）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="214" />
        <source>Save platform</source>
        <translation>保存平台设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="215" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="216" />
        <source>Sync &amp;every</source>
        <translation>同步间隔(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="217" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="219" />
        <source>Sync interval in minutes</source>
        <translation>同步间隔（分钟）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="222" />
        <source>Work offline (keep changes here, do not contact the platform)</source>
        <translation>离线工作（修改只保存在本机，不连接平台）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="226" />
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="227" />
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="228" />
        <source>Change…</source>
        <translation>更换…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="230" />
        <source>Your stores, changes and settings are kept here. A new folder is used after a restart.</source>
        <translation>您的店铺、修改和设置都保存在这里。更换文件夹后需重启才会生效。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="254" />
        <source>The secret is kept in the system keyring.</source>
        <translation>密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="259" />
        <source>This computer has no system keyring, so the secret cannot be stored safely. You can allow saving it in a file that only your account can read.</source>
        <translation>这台电脑没有系统钥匙串，无法安全保存密钥。您可以允许把它保存在只有您的账户能读取的文件中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="303" />
        <source>Saved. The demo platform is used after a restart.</source>
        <translation>已保存。重启后使用演示平台。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="311" />
        <source>Enter the platform address (https://…) and the app key.</source>
        <translation>请输入平台地址（https://…）和应用 Key。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="324" />
        <source>The secret was not saved: no system keyring. Allow the file option to save it.</source>
        <translation>密钥未保存：没有系统钥匙串。请勾选文件保存选项后再保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="334" />
        <source>Saved. The console connects to this platform after a restart.</source>
        <translation>已保存。重启后将连接到这个平台。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="342" />
        <source>Choose the data folder</source>
        <translation>选择数据文件夹</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="347" />
        <source>The console uses %1 after a restart.</source>
        <translation>重启后将使用 %1。</translation>
    </message>
</context>
<context>
    <name>StoreDetail</name>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="134" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="135" />
        <source>Your setting</source>
        <translation>您的设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="136" />
        <source>Shoppers</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="138" />
        <source>Why isn't %1 shown to my shoppers?</source>
        <translation>为什么买家看不到%1？</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="151" />
        <source>%1 on or off</source>
        <translation>%1开关</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="155" />
        <source>%1 · waiting to sync</source>
        <translation>%1 · 待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="157" />
        <source>%1 · your last change was refused</source>
        <translation>%1 · 上次修改被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="162" />
        <source>Shown at checkout</source>
        <translation>收银台显示</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="164" />
        <source>Not shown at checkout</source>
        <translation>收银台不显示</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="167" />
        <source>The platform refused your last change: %1</source>
        <translation>平台拒绝了您上次的修改：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="171" />
        <source>Cannot be changed now: %1</source>
        <translation>现在无法修改：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="190" />
        <source>%1 Reason: %2</source>
        <translation>%1原因：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="195" />
        <source>Approved: goes live on %1.</source>
        <translation>已通过：将于 %1 上线。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="199" />
        <source>Available to every store.</source>
        <translation>所有店铺均可使用。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="240" />
        <source>WeChat Pay invitation</source>
        <translation>微信支付邀请</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="242" />
        <source>Next step: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="247" />
        <location filename="../../console/ui/views/store_detail.py" line="258" />
        <source>Phase</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="248" />
        <source>Not in a phase yet</source>
        <translation>尚未进入任何批次</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="260" />
        <source>Phase %1</source>
        <translation>第 %1 批</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="262" />
        <source>Application window</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="264" />
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="268" />
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="271" />
        <source>Launch date</source>
        <translation>上线日期</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="273" />
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="353" />
        <source>Choose a store in the list to see its payment methods.</source>
        <translation>在列表中选择一家店铺，查看它的支付方式。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="358" />
        <source>No store selected</source>
        <translation>未选择店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="404" />
        <source>%1 cannot be changed now</source>
        <translation>%1现在无法修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="430" />
        <source>Apply for WeChat Pay?</source>
        <translation>申请开通微信支付？</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="431" />
        <source>This sends the application for %1 to the platform. Shoppers see WeChat Pay once it is approved and the launch date has come.</source>
        <translation>将为“%1”向平台提交申请。审核通过且到达上线日期后，买家即可看到微信支付。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="436" />
        <source>Apply</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="440" />
        <source>Withdraw the application?</source>
        <translation>撤回申请？</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="441" />
        <source>The review of %1 stops. You can apply again while the application window is open.</source>
        <translation>“%1”的审核将停止。申请期内可以再次申请。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="445" />
        <source>Withdraw</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="449" />
        <source>Turn on %1?</source>
        <translation>开启%1？</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="450" />
        <source>Shoppers of %1 will be able to pay with %2.</source>
        <translation>“%1”的买家将可以使用%2付款。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="453" />
        <source>Turn on</source>
        <translation>确认开启</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="456" />
        <source>Turn off %1?</source>
        <translation>关闭%1？</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="457" />
        <source>Shoppers of %1 will no longer be able to pay with %2.</source>
        <translation>“%1”的买家将无法再使用%2付款。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="460" />
        <source>Turn off</source>
        <translation>确认关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="468" />
        <location filename="../../console/ui/views/store_detail.py" line="483" />
        <source>The change was not made</source>
        <translation>修改未完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="484" />
        <source>Something went wrong on our side; nothing was changed. Details are in the log.</source>
        <translation>我们这边出了问题，没有作任何修改。详情已记录在日志中。</translation>
    </message>
</context>
<context>
    <name>StoresModel</name>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="437" />
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="438" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="439" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="440" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="441" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="442" />
        <source>Deadline</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="508" />
        <source>%1 · phase %2</source>
        <translation>%1 · 第 %2 批</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="518" />
        <source>Waiting</source>
        <translation>待同步</translation>
    </message>
</context>
<context>
    <name>StoresView</name>
    <message>
        <location filename="../../console/ui/views/stores.py" line="202" />
        <location filename="../../console/ui/views/stores.py" line="230" />
        <source>Stores</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="204" />
        <source>Search by store name or ID (Ctrl+F)</source>
        <translation>按店铺名称或 ID 搜索（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="206" />
        <source>Search stores</source>
        <translation>搜索店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="209" />
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="212" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="216" />
        <source>Any setting</source>
        <translation>全部设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="217" />
        <source>WeChat Pay on</source>
        <translation>微信支付已开启</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="218" />
        <source>WeChat Pay off</source>
        <translation>微信支付已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="219" />
        <source>Alipay on</source>
        <translation>支付宝已开启</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="220" />
        <source>Alipay off</source>
        <translation>支付宝已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="223" />
        <source>Payment method setting</source>
        <translation>支付方式设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="224" />
        <source>Change in bulk…</source>
        <translation>批量修改…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="226" />
        <source>Turn a payment method on or off for the selected stores</source>
        <translation>为选中的店铺开启或关闭一种支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="231" />
        <source>No store matches these filters.</source>
        <translation>没有符合筛选条件的店铺。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="306" />
        <source>All %1</source>
        <translation>全部 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="313" />
        <source>Deadline within 7 days %1</source>
        <translation>7 天内截止 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="317" />
        <source>Waiting to sync %1</source>
        <translation>待同步 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="323" />
        <source>Showing %1 of %2</source>
        <translation>显示 %1 / 共 %2</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../console/ui/texts.py" line="29" />
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="30" />
        <source>Tmall</source>
        <translation>天猫</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="36" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="37" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="43" />
        <source>Mobile app</source>
        <translation>手机 App</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="44" />
        <source>PC web</source>
        <translation>电脑网页</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="45" />
        <source>WeChat mini program</source>
        <translation>微信小程序</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="46" />
        <source>Alipay mini program</source>
        <translation>支付宝小程序</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="51" />
        <source>Open</source>
        <translation>营业中</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="52" />
        <location filename="../../console/ui/texts.py" line="68" />
        <source>Frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="53" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="60" />
        <source>Not invited</source>
        <translation>未受邀</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="61" />
        <source>Invited</source>
        <translation>已受邀</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="62" />
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="63" />
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="64" />
        <source>Live</source>
        <translation>已上线</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="65" />
        <source>Rejected</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="66" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="67" />
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="75" />
        <source>This store has not been invited to offer WeChat Pay yet.</source>
        <translation>这家店铺尚未受邀开通微信支付。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="78" />
        <source>This store is invited: apply before the deadline to offer WeChat Pay.</source>
        <translation>这家店铺已受邀：请在截止前申请开通微信支付。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="81" />
        <source>The platform is reviewing the application.</source>
        <translation>平台正在审核申请。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="82" />
        <source>Approved: WeChat Pay goes live on the launch date.</source>
        <translation>已通过：微信支付将在上线日期上线。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="83" />
        <source>Live: shoppers can pay with it.</source>
        <translation>已上线：买家可以用它付款。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="84" />
        <source>The application was rejected.</source>
        <translation>申请未通过。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="85" />
        <source>The invitation expired before an application was made.</source>
        <translation>邀请已过期，期间未提交申请。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="88" />
        <source>The platform withdrew the invitation.</source>
        <translation>平台已撤回邀请。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="89" />
        <source>The platform froze this payment method for the store.</source>
        <translation>平台已冻结这家店铺的这种支付方式。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="97" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="98" />
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="99" />
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="104" />
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="104" />
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="110" />
        <source>The business licence does not match the store's registered company. Update the licence in the store's profile, then apply again.</source>
        <translation>营业执照与店铺登记的公司不一致。请在店铺资料中更新营业执照后重新申请。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="115" />
        <source>WeChat Pay is not available for this store's category yet.</source>
        <translation>这家店铺所在的类目暂不支持微信支付。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="118" />
        <source>The platform's risk review did not pass. Contact platform support for details.</source>
        <translation>未通过平台的风险审核。请联系平台客服了解详情。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="121" />
        <source>The store profile is incomplete. Fill in the missing details, then apply again.</source>
        <translation>店铺资料不完整。请补全资料后重新申请。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="130" />
        <source>The platform gave the reason code %1.</source>
        <translation>平台给出的原因代码为 %1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="133" />
        <source>The platform gave no reason.</source>
        <translation>平台未说明原因。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="181" />
        <source>this payment method</source>
        <translation>这种支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="186" />
        <source>The store is frozen by the platform, so its payment methods cannot be changed.</source>
        <translation>店铺已被平台冻结，无法修改支付方式。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="189" />
        <source>The store is closed, so nothing can be changed.</source>
        <translation>店铺已关闭，无法作任何修改。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="192" />
        <source>This store has not been invited to WeChat Pay yet. Invitations open in phases; you will be told when this store's phase opens.</source>
        <translation>这家店铺尚未受邀开通微信支付。邀请分批开放，轮到这家店铺时会通知您。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="199" />
        <source>This store's application window opens on %1.</source>
        <translation>这家店铺的申请将于 %1 开始。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="203" />
        <source>This store's application window has not opened yet.</source>
        <translation>这家店铺的申请尚未开始。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="207" />
        <source>The store is invited but has not applied yet. Turn WeChat Pay on before %1 to apply.</source>
        <translation>店铺已受邀但尚未申请。请在 %1 前开启微信支付以提交申请。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="214" />
        <source>The store is invited but has not applied yet. Turn WeChat Pay on to apply.</source>
        <translation>店铺已受邀但尚未申请。开启微信支付即可提交申请。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="218" />
        <source>The invitation expired before an application was made. A later phase may invite this store again.</source>
        <translation>邀请已过期，期间未提交申请。之后的批次可能会再次邀请这家店铺。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="223" />
        <source>The platform withdrew this store's invitation. Contact platform support to ask why.</source>
        <translation>平台撤回了这家店铺的邀请。请联系平台客服了解原因。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="226" />
        <source>The application is being reviewed by the platform. This usually takes a few days.</source>
        <translation>平台正在审核申请，通常需要几天时间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="231" />
        <source>Approved. WeChat Pay goes live for shoppers on %1.</source>
        <translation>已通过。微信支付将于 %1 对买家上线。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="235" />
        <source>Approved. WeChat Pay goes live for shoppers on the launch date.</source>
        <translation>已通过。微信支付将在上线日期对买家上线。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="240" />
        <source>The application was rejected: %1</source>
        <translation>申请未通过：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="244" />
        <source>The platform froze %1 for this store. Contact platform support to lift it.</source>
        <translation>平台冻结了这家店铺的%1。请联系平台客服解除。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="250" />
        <source>%1 is turned off in your settings.</source>
        <translation>您在设置中关闭了%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="252" />
        <source>This is the store's last live payment method. Turn another one on first, or shoppers could not pay at all.</source>
        <translation>这是店铺最后一种可用的支付方式。请先开启另一种，否则买家将无法付款。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="257" />
        <source>Your change is saved here and waits to be sent to the platform. It is sent automatically when the connection is back.</source>
        <translation>您的修改已保存在本机，正等待发送到平台。连接恢复后会自动发送。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="262" />
        <source>Nothing to change: it already has this setting.</source>
        <translation>无需修改：已经是这个设置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="267" />
        <source>%1 is not offered on %2.</source>
        <translation>%2上不提供%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="272" />
        <source>%1 is not offered on this device.</source>
        <translation>这种设备上不提供%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="276" />
        <source>The amount is above the %1 limit for %2.</source>
        <translation>金额超过%2的 %1 限额。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="281" />
        <source>The amount is above the limit for %1.</source>
        <translation>金额超过%1的限额。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="283" />
        <source>Enter an amount greater than zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="287" />
        <source>The platform has not published terms for %1 yet; sync to fetch them.</source>
        <translation>平台尚未发布%1的费率条款；同步后即可获取。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="292" />
        <source>The opinion period has not started yet.</source>
        <translation>意见征集期尚未开始。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="295" />
        <source>The opinion period is over, so feedback can no longer be sent.</source>
        <translation>意见征集期已结束，无法再提交反馈。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="298" />
        <source>Write your feedback first.</source>
        <translation>请先填写反馈内容。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="300" />
        <source>Feedback can be at most %1 characters.</source>
        <translation>反馈最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="303" />
        <source>This store is not in your list any more.</source>
        <translation>这家店铺已不在您的列表中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="306" />
        <source>This announcement is not available any more.</source>
        <translation>这条公告已不存在。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="311" />
        <source>The platform refused the change: %1</source>
        <translation>平台拒绝了这项修改：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="314" />
        <source>The platform refused the change.</source>
        <translation>平台拒绝了这项修改。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="334" />
        <source>Nothing to do, everything is set up.</source>
        <translation>无需操作，一切已设置妥当。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="358" />
        <source>The platform says this computer's clock is wrong. Set the date and time correctly; changes are kept until then.</source>
        <translation>平台提示本机时间不准确。请校正电脑的日期和时间；在此之前修改会保留在本机。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="364" />
        <source>Cannot reach the platform. Changes are kept and sent when it is back.</source>
        <translation>无法连接平台。修改已保留，恢复连接后发送。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="367" />
        <source>The platform did not accept the app key or secret. Check them in Settings.</source>
        <translation>平台不接受应用 Key 或 Secret，请在设置中检查。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="370" />
        <source>The platform had a problem. Trying again shortly.</source>
        <translation>平台出现问题，稍后自动重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="371" />
        <source>The platform asked us to slow down. Trying again shortly.</source>
        <translation>平台要求放慢请求速度，稍后自动重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="374" />
        <source>The platform sent an answer we could not check. Trying again shortly.</source>
        <translation>平台的应答无法通过校验，稍后自动重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="377" />
        <source>You switched platform accounts, but changes made for the previous one are still waiting or refused. Discard them under Waiting to sync to finish the switch.</source>
        <translation>您已更换平台账号，但还有为之前账号做的修改待同步或被拒绝。请在“待同步”中放弃这些修改，以完成切换。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="382" />
        <source>Another sync of this data is running (perhaps from the command line). Trying again shortly.</source>
        <translation>另一个同步正在处理这份数据（可能来自命令行），稍后自动重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/texts.py" line="390" />
        <source>Fee %1</source>
        <translation>费率 %1</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../../console/ui/views/welcome.py" line="38" />
        <location filename="../../console/ui/views/welcome.py" line="39" />
        <source>Welcome to Merchant Console</source>
        <translation>欢迎使用商家控制台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/welcome.py" line="41" />
        <source>&lt;p&gt;See every store's payment methods in one place: which stores are invited to offer WeChat Pay beside Alipay, their deadlines, and what your shoppers see at checkout.&lt;/p&gt;&lt;p&gt;&lt;b&gt;You are looking at the demo platform.&lt;/b&gt; It runs on this computer with sample stores, so you can try everything safely: nothing you do here reaches real shoppers.&lt;/p&gt;&lt;p&gt;To manage your real stores, open &lt;b&gt;Settings&lt;/b&gt;, choose &lt;b&gt;Real platform&lt;/b&gt; and enter the address, app key and secret from the merchant portal.&lt;/p&gt;&lt;p&gt;Changes you make are saved at once and sent to the platform in the background. Without a connection they wait, and are sent when it is back.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在一个地方查看所有店铺的支付方式：哪些店铺受邀在支付宝之外开通微信支付、各自的截止时间，以及买家在收银台能看到什么。&lt;/p&gt;&lt;p&gt;&lt;b&gt;您正在使用演示平台。&lt;/b&gt;它运行在这台电脑上，带有示例店铺，可以放心试用：这里的任何操作都不会影响真实买家。&lt;/p&gt;&lt;p&gt;要管理您的真实店铺，请打开&lt;b&gt;设置&lt;/b&gt;，选择&lt;b&gt;正式平台&lt;/b&gt;，并填入商家后台提供的地址、应用 Key 和 Secret。&lt;/p&gt;&lt;p&gt;您的修改会立即保存，并在后台发送到平台。没有网络时修改会先保留，恢复连接后自动发送。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/welcome.py" line="54" />
        <source>Get started</source>
        <translation>开始使用</translation>
    </message>
</context>
</TS>