<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityView</name>
    <message>
        <location filename="../../console/ui/views/activity.py" line="170" />
        <location filename="../../console/ui/views/activity.py" line="177" />
        <source>Activity</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="171" />
        <source>Every change you made and every sync with the platform, newest first.</source>
        <translation>您做的每一项修改和每一次与平台的同步，最新的在最前。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="172" />
        <source>&amp;Store</source>
        <translation>店铺(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="173" />
        <source>All stores</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="174" />
        <source>&amp;Method</source>
        <translation>支付方式(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="175" />
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="176" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="193" />
        <source>All methods</source>
        <translation>全部支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="201" />
        <source>All outcomes</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="257" />
        <source>The activity could not be read. Please try again.</source>
        <translation>无法读取操作记录，请重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="282" />
        <source>1 entry</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="282" />
        <source>%1 entries</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="288" />
        <source>No entries match these filters. Choose “All” in a filter to see more.</source>
        <translation>没有符合这些筛选条件的记录。在筛选中选择“全部”可查看更多。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="291" />
        <source>Nothing has happened yet. Changes you make and each sync with the platform will be listed here.</source>
        <translation>还没有任何记录。您做的修改和每次与平台的同步都会列在这里。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="301" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="302" />
        <source>Who</source>
        <translation>操作方</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="303" />
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="304" />
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="305" />
        <source>Store ID</source>
        <translation>店铺 ID</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="306" />
        <source>Store name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="307" />
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="308" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="309" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="314" />
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="315" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="316" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="321" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="322" />
        <source>Confirmed by the platform</source>
        <translation>平台已确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="323" />
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="324" />
        <source>Merged with an unsent change</source>
        <translation>已合并到未发送的修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="325" />
        <source>Cancelled (no change)</source>
        <translation>已取消（无变化）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="326" />
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="327" />
        <source>Discarded</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="328" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="339" />
        <source>a payment method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="346" />
        <source>The platform refused: turn on %1</source>
        <translation>被平台拒绝：开启%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="348" />
        <source>The platform refused: turn off %1</source>
        <translation>被平台拒绝：关闭%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="350" />
        <source>The platform refused a change of %1</source>
        <translation>平台拒绝了%1的修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="352" />
        <source>Sent to the platform: turn on %1</source>
        <translation>已提交平台：开启%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="352" />
        <source>Turn on %1</source>
        <translation>开启%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="354" />
        <source>Sent to the platform: turn off %1</source>
        <translation>已提交平台：关闭%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="354" />
        <source>Turn off %1</source>
        <translation>关闭%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="356" />
        <source>Sent a change of %1 to the platform</source>
        <translation>已向平台提交%1的修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="356" />
        <source>Change %1</source>
        <translation>修改%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="361" />
        <source>Fetched updates from the platform</source>
        <translation>已从平台获取更新</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="362" />
        <source>Fetched updates from the platform (%1 times this day)</source>
        <translation>已从平台获取更新（当天 %1 次）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="364" />
        <source>Sent your feedback to the platform</source>
        <translation>已向平台提交您的反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="366" />
        <source>Send feedback on a rule change</source>
        <translation>对规则变更提交反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="367" />
        <source>Send a change to the platform</source>
        <translation>向平台提交修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="368" />
        <source>Fetch updates from the platform</source>
        <translation>从平台获取更新</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="369" />
        <source>The platform refused a change</source>
        <translation>平台拒绝了一项修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="370" />
        <source>Retry a change</source>
        <translation>重试修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="371" />
        <source>Discard a change</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="372" />
        <source>Mark an announcement read</source>
        <translation>将公告标为已读</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="391" />
        <source>1 update received</source>
        <translation>收到 1 条更新</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="391" />
        <source>%1 updates received</source>
        <translation>收到 %1 条更新</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="396" />
        <source>Platform status: %1</source>
        <translation>平台状态：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="398" />
        <source>the platform already had it</source>
        <translation>平台此前已收到</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="403" />
        <source>Announcement: %1</source>
        <translation>公告：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="405" />
        <source>Preview only, nothing changed</source>
        <translation>仅预览，未做任何修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="456" />
        <source>Export activity</source>
        <translation>导出操作记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="458" />
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="468" />
        <source>Saved 1 entry to %2.</source>
        <translation>已将 1 条记录保存到 %2。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="468" />
        <source>Saved %1 entries to %2.</source>
        <translation>已将 %1 条记录保存到 %2。</translation>
    </message>
</context>
<context>
    <name>AnnouncementListModel</name>
    <message>
        <location filename="../../console/ui/models/announcements_model.py" line="81" />
        <source>Unread</source>
        <translation>未读</translation>
    </message>
</context>
<context>
    <name>AnnouncementsView</name>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="266" />
        <location filename="../../console/ui/views/announcements.py" line="285" />
        <source>Rule changes</source>
        <translation>规则变更</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="267" />
        <source>Warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="270" />
        <source>The platform announces rule changes before they take effect. While the opinion period is open you can send your feedback.</source>
        <translation>平台会在规则生效前发布变更公告。意见征集期内，您可以提交反馈。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="275" />
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="276" />
        <source>Opinion period</source>
        <translation>意见征集期</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="277" />
        <source>Countdown</source>
        <translation>倒计时</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="278" />
        <source>Takes effect</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="282" />
        <source>What changes for you</source>
        <translation>对您的影响</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="283" />
        <location filename="../../console/ui/views/announcements.py" line="286" />
        <source>Your feedback</source>
        <translation>您的反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="287" />
        <source>Send feedback</source>
        <translation>提交反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="288" />
        <source>No announcements yet. New rule changes appear here after a sync.</source>
        <translation>暂无公告。同步后，新的规则变更会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="300" />
        <source>Opinion period opens in %1</source>
        <translation>意见征集期将在 %1后开始</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="302" />
        <source>%1 left to send feedback</source>
        <translation>距反馈截止还剩 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="303" />
        <source>Opinion period closed on %1</source>
        <translation>意见征集期已于 %1 结束</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="309" />
        <source>Feedback open · %1 left</source>
        <translation>可提交反馈 · 还剩 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="311" />
        <source>Takes effect %1</source>
        <translation>%1 生效</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="312" />
        <source>In effect since %1</source>
        <translation>已于 %1 生效</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="316" />
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="318" />
        <source>Refused by the platform</source>
        <translation>被平台拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="319" />
        <source>Received by the platform</source>
        <translation>平台已收到</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="352" />
        <source>Mark as unread</source>
        <translation>标为未读</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="352" />
        <source>Mark as read</source>
        <translation>标为已读</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="359" />
        <source>Published only %1 before it takes effect: less than the 7 days' notice the rules require. You may raise this in your feedback or with platform support.</source>
        <translation>本公告发布后仅 %1即生效，不足规定的 7 天公示期。您可以在反馈中提出，或联系平台客服。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="369" />
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="382" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="384" />
        <source>all platforms</source>
        <translation>所有平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="387" />
        <source>Counting your stores…</source>
        <translation>正在统计您的店铺…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="397" />
        <source>None of your stores are on %1: nothing changes for you.</source>
        <translation>您没有在%1上的店铺，这项变更对您没有影响。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="399" />
        <source>It applies to all %1 of your stores.</source>
        <translation>适用于您的全部 %1 家店铺。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="402" />
        <source>1 of your %2 stores is on %3.</source>
        <translation>您的 %2 家店铺中有 1 家在%3上。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="404" />
        <source>%1 of your %2 stores are on %3.</source>
        <translation>您的 %2 家店铺中有 %1 家在%3上。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="411" />
        <source>%1 is on in %2 of them.</source>
        <translation>其中 %2 家已开启%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="417" />
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="432" />
        <source>You have not sent feedback on this yet.</source>
        <translation>您还没有就此提交过反馈。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="445" />
        <source>What does this change mean for your business? The platform reads every comment.</source>
        <translation>这项变更对您的经营有什么影响？平台会阅读每一条反馈。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="460" />
        <source>Feedback opens on %1, when the opinion period starts.</source>
        <translation>意见征集期于 %1 开始，届时即可提交反馈。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="464" />
        <source>The opinion period ended on %1, so feedback can no longer be sent.</source>
        <translation>意见征集期已于 %1 结束，无法再提交反馈。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="515" />
        <source>Saved. Your feedback is waiting to sync and is sent as soon as the platform can be reached.</source>
        <translation>已保存。您的反馈正在等待同步，连上平台后会立即发送。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="534" />
        <source>Your feedback could not be saved on this computer. Please try again.</source>
        <translation>您的反馈未能保存在本机，请重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="573" />
        <source>Could not count your stores.</source>
        <translation>无法统计您的店铺。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../console/ui/app.py" line="377" />
        <source>Cannot connect to the platform. Your changes are kept here. Check the platform settings, or work offline.</source>
        <extracomment>Rows read for the first screenful (a tall window shows about 40); the whole list follows.</extracomment>
        <translation>无法连接平台。您的修改已保存在本机。请检查平台设置，或切换为离线工作。</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="71" />
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="313" />
        <source>Change in bulk</source>
        <translation>批量修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="315" />
        <source>Turn one payment method on or off for many stores. You see what would happen to each store before anything changes.</source>
        <translation>为多家店铺统一开启或关闭一种支付方式。正式修改前，会先列出每家店铺将发生什么。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="323" />
        <source>The stores checked in the list (none is checked)</source>
        <translation>列表中勾选的店铺（当前未勾选任何店铺）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="327" />
        <source>The store checked in the list</source>
        <translation>列表中勾选的 1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="328" />
        <source>The %1 stores checked in the list</source>
        <translation>列表中勾选的 %1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="333" />
        <source>All stores matching the list's filter</source>
        <translation>符合列表筛选条件的所有店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="337" />
        <source>The 1 store matching the list's filter</source>
        <translation>符合列表筛选条件的 1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="338" />
        <source>All %1 stores matching the list's filter</source>
        <translation>符合列表筛选条件的全部 %1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="343" />
        <source>All stores</source>
        <translation>所有店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="347" />
        <source>The only store</source>
        <translation>唯一的 1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="348" />
        <source>All %1 stores</source>
        <translation>全部 %1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="351" />
        <source>&amp;Payment method</source>
        <translation>支付方式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="354" />
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="355" />
        <source>Turn on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="356" />
        <source>Turn off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="357" />
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="358" />
        <source>Every store</source>
        <translation>所有店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="361" />
        <location filename="../../console/ui/views/bulk.py" line="510" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="365" />
        <source>Show the refused stores</source>
        <translation>查看被拒绝的店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="366" />
        <source>Open Waiting to sync</source>
        <translation>打开“待同步”</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="367" />
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="379" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="381" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="388" />
        <source>Check first</source>
        <translation>先检查</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="395" />
        <source>Change 1 store</source>
        <translation>修改 1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="396" />
        <source>Change %1 stores</source>
        <translation>修改 %1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="401" />
        <location filename="../../console/ui/views/bulk.py" line="487" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="448" />
        <source>Turn on %1</source>
        <translation>开启%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="450" />
        <source>Turn off %1</source>
        <translation>关闭%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="455" />
        <source>%1 will change</source>
        <translation>%1 家将修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="456" />
        <source>%1 already so</source>
        <translation>%1 家已是如此</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="457" />
        <source>%1 refused</source>
        <translation>%1 家被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="463" />
        <source>%1 for 1 store: %3.</source>
        <translation>为 1 家店铺%1：%3。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="465" />
        <source>%1 for %2 stores: %3.</source>
        <translation>为 %2 家店铺%1：%3。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="472" />
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="474" />
        <source>nothing to change</source>
        <translation>没有需要修改的店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="596" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="598" />
        <source>Saving the changes on this computer</source>
        <translation>正在本机保存修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="601" />
        <source>Sending to the platform starts when they are saved</source>
        <translation>保存后开始发送到平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="622" />
        <source>1 store saved</source>
        <translation>已保存 1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="623" />
        <source>%1 stores saved</source>
        <translation>已保存 %1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="627" />
        <source>Sent to the platform: %1 of %2, %3 confirmed</source>
        <translation>已发送到平台：%1 / %2，平台已确认 %3</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="638" />
        <source>Stopped at your request: the %1 stores saved stay changed and are sent; the other %2 were not changed.</source>
        <translation>已按您的要求停止：已保存的 %1 家店铺保持修改并会发送，其余 %2 家未修改。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="648" />
        <source>%1 could not be changed after all: they changed since the check.</source>
        <translation>另有 %1 家在检查后情况有变，未能修改。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="655" />
        <source>The changes are saved here; they are confirmed as the platform answers.</source>
        <translation>修改已保存在本机，平台答复后即确认。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="662" />
        <source>Not connected to the platform now: they are sent when it is back.</source>
        <translation>目前未连接平台：恢复连接后会发送。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="668" />
        <source>The platform refused %1: Waiting to sync says why.</source>
        <translation>平台拒绝了 %1 家：原因见“待同步”页。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="674" />
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="676" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="679" />
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="690" />
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/bulk.py" line="692" />
        <source>Something went wrong on our side. Stores changed before the problem stay changed; the activity page lists them.</source>
        <translation>我们这边出了问题。出错前已修改的店铺保持修改，可在“操作记录”页查看。</translation>
    </message>
</context>
<context>
    <name>CheckoutView</name>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="246" />
        <source>Checkout preview</source>
        <translation>收银台预览</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="249" />
        <source>See the payment page exactly as your shoppers will, for any store, amount and device. Works offline from the data on this computer.</source>
        <translation>按店铺、金额和设备查看买家看到的付款页面。使用本机数据，离线也能用。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="253" />
        <source>&amp;Store</source>
        <translation>店铺(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="254" />
        <source>Search by store name or ID</source>
        <translation>按店铺名称或 ID 搜索</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="255" />
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="256" />
        <source>e.g. 128.00</source>
        <translation>例如 128.00</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="257" />
        <source>Shopper's device</source>
        <translation>买家设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="260" />
        <source>What shoppers see. Fees in grey are shown only to you.</source>
        <translation>买家看到的页面。灰色的手续费信息仅您可见。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="261" />
        <source>Not shown to shoppers</source>
        <translation>买家看不到的支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="262" />
        <source>Store receiving code</source>
        <translation>店铺收款码</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="263" />
        <source>Export sign…</source>
        <translation>导出收款码牌…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="266" />
        <source>A sign to print for the till: the store's name, the code and the wallets that pay it, no fees</source>
        <translation>打印后放在收银台的码牌：店铺名称、收款码和可付款的钱包，不含手续费</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="481" />
        <source>PDF, A6 card for the till (*.pdf)</source>
        <translation>PDF，A6 收银台台卡 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="482" />
        <source>PDF, A4 poster (*.pdf)</source>
        <translation>PDF，A4 海报 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="483" />
        <source>PNG image, 1200 pixels wide (*.png)</source>
        <translation>PNG 图片，宽 1200 像素 (*.png)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="491" />
        <source>Export receiving code sign</source>
        <translation>导出收款码牌</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="271" />
        <source>What shoppers see at checkout</source>
        <translation>买家在收银台看到的页面</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="272" />
        <source>Store receiving QR code</source>
        <translation>店铺收款二维码</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="273" />
        <source>Fees per month</source>
        <translation>每月手续费</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="274" />
        <source>Monthly &amp;sales (¥)</source>
        <translation>月销售额（元）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="394" />
        <source>The preview still shows %1.</source>
        <translation>预览仍按 %1 显示。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="456" />
        <source>Every method is shown for this amount and device.</source>
        <translation>此金额和设备下，所有支付方式都会显示。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="459" />
        <source>hidden because:</source>
        <translation>不显示的原因：</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="503" />
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="503" />
        <source>Could not save to %1.</source>
        <translation>无法保存到 %1。</translation>
    </message>
</context>
<context>
    <name>DemoView</name>
    <message>
        <location filename="../../console/ui/views/demo.py" line="232" />
        <source>Demo controls work only on the demo platform.</source>
        <extracomment>Rejection reasons offered for a review (the demo platform's own; words in console.words.domain). Widest the "to the next event" button's text gets (the page fits a 1024-pixel window).</extracomment>
        <translation>演示控制只能用于演示平台。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="236" />
        <source>Platform time: %1</source>
        <translation>平台时间：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="242" />
        <source>To the next event: %1</source>
        <translation>前进到下一事件：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="244" />
        <source>No next event</source>
        <translation>没有下一事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="259" />
        <source>Nothing is scheduled on the platform.</source>
        <translation>平台上没有安排中的事件。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="282" />
        <source>Choose a store whose review is pending.</source>
        <translation>请选择一家审核中的店铺。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="343" />
        <source>Demo controls</source>
        <translation>演示控制</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="345" />
        <source>Play the rollout on the demo platform: move its clock, finish a review, publish a rule change. Each action syncs, and what changed is shown below. None of this exists on a real platform.</source>
        <translation>在演示平台上体验开通流程：拨动平台时间、完成审核、发布规则变更。每个操作后都会同步，变化显示在下方。真实平台上没有这些操作。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="352" />
        <source>Move the platform clock</source>
        <translation>拨动平台时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="353" />
        <source>Advance 1 day</source>
        <translation>前进 1 天</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="354" />
        <source>Advance 1 week</source>
        <translation>前进 1 周</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="355" />
        <source>Coming up</source>
        <translation>即将发生</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="357" />
        <source>Finish a review</source>
        <translation>完成审核</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="358" />
        <source>Store:</source>
        <translation>店铺：</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="359" />
        <source>Reason if rejected:</source>
        <translation>未通过的原因：</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="364" />
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="365" />
        <source>Reject</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="366" />
        <source>Publish a fee change</source>
        <translation>发布费率调整</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="367" />
        <source>New WeChat Pay fee:</source>
        <translation>新的微信支付费率：</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="369" />
        <source>Opinion period (days):</source>
        <translation>意见征集期（天）：</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="370" />
        <source>In effect after (days):</source>
        <translation>生效前天数：</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="371" />
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="372" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="373" />
        <source>Take offline</source>
        <translation>设为离线</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="374" />
        <source>Bring back online</source>
        <translation>恢复在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/demo.py" line="375" />
        <source>What changed</source>
        <translation>发生的变化</translation>
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
        <location filename="../../console/ui/widgets/dialogs.py" line="39" />
        <location filename="../../console/ui/widgets/dialogs.py" line="58" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/dialogs.py" line="71" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>FeeComparison</name>
    <message>
        <location filename="../../console/ui/widgets/fee_comparison.py" line="98" />
        <source>Monthly fee per method, as bars</source>
        <translation>各支付方式每月手续费条形图</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/fee_comparison.py" line="99" />
        <source>Fees per month</source>
        <translation>每月手续费</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/fee_comparison.py" line="101" />
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/fee_comparison.py" line="101" />
        <source>Rate</source>
        <translation>费率</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/fee_comparison.py" line="101" />
        <source>Fee per month</source>
        <translation>月手续费</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/fee_comparison.py" line="101" />
        <source>You receive</source>
        <translation>实际到账</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/fee_comparison.py" line="116" />
        <source>%1 (not available to your shoppers yet)</source>
        <translation>%1（买家暂不可用）</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/fee_comparison.py" line="146" />
        <source>Paid entirely with %1, this month would cost %2 less than with %3.</source>
        <translation>如果全部使用%1付款，本月手续费比%3少 %2。</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/fee_comparison.py" line="151" />
        <source>Both methods cost the same at these rates.</source>
        <translation>按当前费率，两种支付方式的手续费相同。</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/fee_comparison.py" line="154" />
        <source>Choose a store to compare its fees.</source>
        <translation>请选择店铺以比较手续费。</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/fee_comparison.py" line="156" />
        <source>Rates come from the platform's published terms for this store.</source>
        <translation>费率来自平台为这家店铺公布的条款。</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../console/ui/i18n.py" line="100" />
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="100" />
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="104" />
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="105" />
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="110" />
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="115" />
        <source>1 minute</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="116" />
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="125" />
        <source>passed</source>
        <translation>已截止</translation>
    </message>
    <message>
        <location filename="../../console/ui/i18n.py" line="126" />
        <source>in %1</source>
        <translation>还剩 %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="139" />
        <source>This page could not be opened. Details are in the log.</source>
        <translation>此页面无法打开，详情已记录在日志中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="353" />
        <location filename="../../console/ui/main_window.py" line="354" />
        <location filename="../../console/ui/main_window.py" line="604" />
        <location filename="../../console/ui/main_window.py" line="673" />
        <location filename="../../console/ui/main_window.py" line="705" />
        <source>Merchant Console</source>
        <translation>商家控制台</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="361" />
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="362" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="363" />
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="364" />
        <source>Work &amp;offline</source>
        <translation>离线工作(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="365" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="366" />
        <source>&amp;Store</source>
        <translation>店铺(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="367" />
        <source>&amp;Find a store</source>
        <translation>查找店铺(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="369" />
        <source>&amp;Turn the chosen payment method on or off</source>
        <translation>开启或关闭所选支付方式(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="371" />
        <source>&amp;Next store</source>
        <translation>下一家店铺(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="372" />
        <source>&amp;Previous store</source>
        <translation>上一家店铺(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="373" />
        <source>Change in &amp;bulk…</source>
        <translation>批量修改(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="374" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="377" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="378" />
        <source>&amp;About Merchant Console</source>
        <translation>关于商家控制台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="379" />
        <source>Work offline</source>
        <translation>离线工作</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="381" />
        <source>Keep changes here and do not contact the platform</source>
        <translation>修改只保存在本机，不连接平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="383" />
        <location filename="../../console/ui/main_window.py" line="778" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="385" />
        <source>Send waiting changes and fetch news (F5)</source>
        <translation>发送待同步的修改并获取最新消息（F5）</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="387" />
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="391" />
        <source>More menus</source>
        <translation>更多菜单</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="103" />
        <source>Stores</source>
        <extracomment>Headlines that already say how many changes wait (the status bar adds the count to the others).</extracomment>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="104" />
        <source>Store details</source>
        <translation>店铺详情</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="106" />
        <source>Checkout preview</source>
        <translation>收银台预览</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="108" />
        <source>Announcements</source>
        <translation>公告</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="109" />
        <source>Activity</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="110" />
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="113" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="457" />
        <source>About Merchant Console</source>
        <translation>关于商家控制台</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="458" />
        <source>Merchant Console %1</source>
        <translation>商家控制台 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="459" />
        <source>WeChat Pay and Alipay for your Taobao and Tmall stores, even offline.</source>
        <translation>为您的淘宝、天猫店铺管理微信支付和支付宝，离线也能用。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="468" />
        <source>Something went wrong on our side. Your data is safe; details are in the log.</source>
        <translation>我们这边出了问题。您的数据是安全的，详情已记录在日志中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="543" />
        <source>Working offline</source>
        <translation>离线工作中</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="537" />
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="115" />
        <source>Demo controls</source>
        <translation>演示控制</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="539" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="541" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="545" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="558" />
        <source>1 change waiting</source>
        <translation>1 项修改待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="560" />
        <source>%1 changes waiting</source>
        <translation>%1 项修改待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="570" />
        <source>Last synced %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="574" />
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="578" />
        <source>Sync stopped because of a problem on our side; details are in the log.</source>
        <translation>由于我们这边的问题，同步已停止，详情已记录在日志中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="584" />
        <source>Next try in %1.</source>
        <translation>%1后重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="701" />
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="765" />
        <source>1 change has not reached the platform yet</source>
        <translation>有 1 项修改尚未送达平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="767" />
        <source>%1 changes have not reached the platform yet</source>
        <translation>有 %1 项修改尚未送达平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="771" />
        <source>They are kept on this computer and sent with the next sync, the next time you open Merchant Console. Until then shoppers see your previous settings.</source>
        <translation>这些修改已保存在本机，会在下次打开商家控制台同步时发送。在此之前，买家看到的仍是原来的设置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="776" />
        <source>Quit anyway</source>
        <translation>仍然退出</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="834" />
        <source>Stores newly invited to WeChat Pay: %1.</source>
        <translation>新受邀开通微信支付的店铺：%1 家。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="835" />
        <source>Reviews approved: %1.</source>
        <translation>审核通过：%1 家。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="838" />
        <source>Reviews rejected: %1 (open the store to see why).</source>
        <translation>审核未通过：%1 家（打开店铺查看原因）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="840" />
        <source>Stores where WeChat Pay went live: %1.</source>
        <translation>微信支付已上线的店铺：%1 家。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="841" />
        <source>New announcements: %1.</source>
        <translation>新公告：%1 条。</translation>
    </message>
</context>
<context>
    <name>PendingView</name>
    <message>
        <location filename="../../console/ui/views/pending.py" line="129" />
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="131" />
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="133" />
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="140" />
        <source>Refused.</source>
        <translation>已被拒绝。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="143" />
        <source>Attempts so far: %1. It is tried again automatically.</source>
        <translation>已尝试 %1 次，将自动重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="163" />
        <source>Feedback on an announcement</source>
        <translation>对公告的反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="167" />
        <source>Turn on %1</source>
        <translation>开启%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="169" />
        <source>Turn off %1</source>
        <translation>关闭%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="174" />
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="176" />
        <source>Changes you made are saved here first and sent to the platform in order. If the platform refuses one, it says why below: retry it after fixing the cause, or discard it to go back to the platform's setting.</source>
        <translation>您的修改会先保存在本机，再按顺序发送到平台。如果平台拒绝了某项修改，下方会说明原因：解决问题后可重试，或放弃修改、恢复平台上的设置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="185" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="186" />
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="187" />
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="188" />
        <source>Made at</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="189" />
        <source>Why / next</source>
        <translation>原因 / 下一步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="192" />
        <source>Changes waiting to sync</source>
        <translation>待同步的修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="194" />
        <source>Nothing is waiting: every change has reached the platform.</source>
        <translation>没有待同步的修改：所有修改都已送达平台。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="198" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="200" />
        <source>Check the refused change again and queue it</source>
        <translation>重新检查被拒绝的修改并加入发送队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="202" />
        <location filename="../../console/ui/views/pending.py" line="242" />
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="204" />
        <source>Drop the change and show the platform's setting again</source>
        <translation>放弃这项修改，恢复显示平台上的设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="206" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="238" />
        <source>Discard this change?</source>
        <translation>放弃这项修改？</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="239" />
        <source>“%1” will not be sent. The store shows the platform's setting again.</source>
        <translation>“%1”将不会发送，店铺恢复显示平台上的设置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="256" />
        <source>The change cannot be retried yet</source>
        <translation>这项修改暂时无法重试</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="268" />
        <source>The change was not made</source>
        <translation>修改未完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/pending.py" line="270" />
        <source>It may be sending right now. Wait for the sync to finish, then try again.</source>
        <translation>它可能正在发送中。请等同步完成后再试。</translation>
    </message>
</context>
<context>
    <name>ReceiveCode</name>
    <message>
        <location filename="../../console/ui/widgets/receive_code.py" line="58" />
        <source>This store has no receiving code yet.</source>
        <translation>这家店铺还没有收款码。</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/receive_code.py" line="66" />
        <source>Code content: %1</source>
        <translation>码内容：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/receive_code.py" line="69" />
        <source>One code for several wallets. Shoppers can pay it with:</source>
        <translation>一码多付，买家可用以下钱包扫码付款：</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/receive_code.py" line="74" />
        <source>No wallet can pay this code right now.</source>
        <translation>目前没有钱包可以支付此收款码。</translation>
    </message>
</context>
<context>
    <name>ReconciliationView</name>
    <message>
        <location filename="../../console/ui/views/reconciliation.py" line="94" />
        <source>Reconciling…</source>
        <translation>正在对账…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/reconciliation.py" line="115" />
        <source>Reconciliation failed. Please try again.</source>
        <translation>对账失败，请重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/reconciliation.py" line="132" />
        <source>%1 settlements, %2 do not match.</source>
        <translation>%1 笔结算，%2 笔不符。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/reconciliation.py" line="177" />
        <source>Could not export to %1: %2</source>
        <translation>无法导出到 %1：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/reconciliation.py" line="182" />
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/reconciliation.py" line="188" />
        <location filename="../../console/ui/views/reconciliation.py" line="208" />
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/reconciliation.py" line="191" />
        <source>Each day's settlement from each wallet against the synced payments: matched, or the difference explained.</source>
        <translation>每天每个钱包的结算与已同步的付款逐笔核对：相符，或说明差异。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/reconciliation.py" line="198" />
        <source>Last %1 days</source>
        <translation>最近 %1 天</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/reconciliation.py" line="201" />
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/reconciliation.py" line="202" />
        <source>Store ids, comma-separated; empty for all stores</source>
        <translation>店铺编号，用逗号分隔；留空为全部店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/reconciliation.py" line="203" />
        <source>Stores</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/reconciliation.py" line="204" />
        <source>Reconcile</source>
        <translation>对账</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/reconciliation.py" line="205" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/reconciliation.py" line="206" />
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
</context>
<context>
    <name>SalesView</name>
    <message>
        <location filename="../../console/ui/views/sales.py" line="283" />
        <source>Adding up…</source>
        <translation>正在汇总…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="303" />
        <source>The sales could not be read. Please try again.</source>
        <translation>销售数据读取失败，请重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="316" />
        <source>No synced sales in this period. Sync, then look again.</source>
        <translation>这段时间没有已同步的交易。同步后再来看。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="336" />
        <source>WeChat Pay is not live in any store selected.</source>
        <translation>所选店铺中还没有开通微信支付的。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="339" />
        <source>Of %1 sold since go-live, %2 was WeChat Pay (%3), %4 payments.</source>
        <translation>开通后的销售额 %1 中，微信支付 %2（%3），共 %4 笔。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="360" />
        <source>Before and after go-live (%1 days each side)</source>
        <translation>开通前后对比（前后各 %1 天）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="366" />
        <source>No store has %1 full days on both sides of its go-live inside the period.</source>
        <translation>时间段内没有开通前后各 %1 天都完整的店铺。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="396" />
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="399" />
        <source>Daily gross by payment method: what turning on WeChat Pay brought, and its fees against the other method.</source>
        <translation>按支付方式查看每天的交易金额：开通微信支付带来了什么，手续费与另一种方式相比如何。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="402" />
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="403" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="404" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="405" />
        <source>Stores</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="406" />
        <source>Store ids, comma-separated; empty for all stores</source>
        <translation>店铺编号，用逗号分隔；留空为全部店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="412" />
        <source>Last %1 days</source>
        <translation>最近 %1 天</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="416" />
        <location filename="../../console/ui/views/sales.py" line="420" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="428" />
        <location filename="../../console/ui/views/sales.py" line="429" />
        <location filename="../../console/ui/views/sales.py" line="434" />
        <source>Daily gross by payment method</source>
        <translation>每日交易金额（按支付方式）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="430" />
        <source>WeChat Pay's share since go-live</source>
        <translation>微信支付自开通以来的占比</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="431" />
        <location filename="../../console/ui/views/sales.py" line="447" />
        <source>Fees paid against the other method</source>
        <translation>手续费：实际支付与换用另一种方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="433" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="433" />
        <location filename="../../console/ui/views/sales.py" line="438" />
        <source>Gross</source>
        <translation>交易金额</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="437" />
        <location filename="../../console/ui/views/sales.py" line="445" />
        <source>Payment method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="439" />
        <source>Fees paid</source>
        <translation>实付手续费</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="440" />
        <source>Fees with the other method</source>
        <translation>换用另一种方式的手续费</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="441" />
        <source>Saved</source>
        <translation>节省</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="445" />
        <source>Before</source>
        <translation>开通前</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/sales.py" line="445" />
        <source>After</source>
        <translation>开通后</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../console/ui/views/settings.py" line="211" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="212" />
        <source>Language and look</source>
        <translation>语言与外观</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="213" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="214" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="217" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="218" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="220" />
        <source>Light or dark follows the system setting.</source>
        <translation>浅色或深色跟随系统设置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="222" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="223" />
        <source>Demo platform on this computer</source>
        <translation>本机演示平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="225" />
        <source>Sample stores to try everything safely; nothing reaches real shoppers.</source>
        <translation>使用示例店铺放心试用，任何操作都不会影响真实买家。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="229" />
        <source>Real platform</source>
        <translation>正式平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="230" />
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="232" />
        <source>App &amp;key</source>
        <translation>应用 Key(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="233" />
        <source>App &amp;secret</source>
        <translation>应用 Secret(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="235" />
        <source>Leave empty to keep the saved secret</source>
        <translation>留空则保留已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="238" />
        <source>Allow saving the secret in a file in the data folder (less safe)</source>
        <translation>允许把密钥保存在数据文件夹中的文件里（安全性较低）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="242" />
        <source>Save platform</source>
        <translation>保存平台设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="243" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="244" />
        <source>Sync &amp;every</source>
        <translation>同步间隔(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="245" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="247" />
        <source>Sync interval in minutes</source>
        <translation>同步间隔（分钟）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="250" />
        <source>Work offline (keep changes here, do not contact the platform)</source>
        <translation>离线工作（修改只保存在本机，不连接平台）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="254" />
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="255" />
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="256" />
        <source>Change…</source>
        <translation>更换…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="258" />
        <source>Your stores, changes and settings are kept here. A new folder is used after a restart.</source>
        <translation>您的店铺、修改和设置都保存在这里。更换文件夹后需重启才会生效。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="282" />
        <source>The secret is kept in the system keyring.</source>
        <translation>密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="287" />
        <source>This computer has no system keyring, so the secret cannot be stored safely. You can allow saving it in a file that only your account can read.</source>
        <translation>这台电脑没有系统钥匙串，无法安全保存密钥。您可以允许把它保存在只有您的账户能读取的文件中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="331" />
        <source>Saved. The demo platform is used after a restart.</source>
        <translation>已保存。重启后使用演示平台。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="339" />
        <source>Enter the platform address (https://…) and the app key.</source>
        <translation>请输入平台地址（https://…）和应用 Key。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="352" />
        <source>The secret was not saved: no system keyring. Allow the file option to save it.</source>
        <translation>密钥未保存：没有系统钥匙串。请勾选文件保存选项后再保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="362" />
        <source>Saved. The console connects to this platform after a restart.</source>
        <translation>已保存。重启后将连接到这个平台。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="370" />
        <source>Choose the data folder</source>
        <translation>选择数据文件夹</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/settings.py" line="375" />
        <source>The console uses %1 after a restart.</source>
        <translation>重启后将使用 %1。</translation>
    </message>
</context>
<context>
    <name>ShopperScreen</name>
    <message>
        <location filename="../../console/ui/widgets/shopper_screen.py" line="84" />
        <source>Checkout</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/shopper_screen.py" line="88" />
        <source>Choose a store to see its checkout.</source>
        <translation>请选择店铺以查看收银台。</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/shopper_screen.py" line="96" />
        <source>Pay with</source>
        <translation>选择支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/shopper_screen.py" line="99" />
        <source>No payment method is available: shoppers cannot pay.</source>
        <translation>没有可用的支付方式，买家无法付款。</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/shopper_screen.py" line="108" />
        <source>Pay %1</source>
        <translation>确认付款 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/shopper_screen.py" line="124" />
        <source>Secure checkout</source>
        <translation>安全收银台</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/shopper_screen.py" line="154" />
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/shopper_screen.py" line="157" />
        <source>Scan the QR code with the app</source>
        <translation>用 App 扫码付款</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/shopper_screen.py" line="157" />
        <source>Pay in the app</source>
        <translation>在 App 内付款</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/shopper_screen.py" line="162" />
        <source>Only you see this: fee %1 (%2), you receive %3</source>
        <translation>仅您可见：手续费 %1（%2），实际到账 %3</translation>
    </message>
</context>
<context>
    <name>StoreDetail</name>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="135" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="136" />
        <source>Your setting</source>
        <translation>您的设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="137" />
        <source>Shoppers</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="139" />
        <source>Why isn't %1 shown to my shoppers?</source>
        <translation>为什么买家看不到%1？</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="152" />
        <source>%1 on or off</source>
        <translation>%1开关</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="156" />
        <source>%1 · waiting to sync</source>
        <translation>%1 · 待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="158" />
        <source>%1 · your last change was refused</source>
        <translation>%1 · 上次修改被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="163" />
        <source>Shown at checkout</source>
        <translation>收银台显示</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="165" />
        <source>Not shown at checkout</source>
        <translation>收银台不显示</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="168" />
        <source>The platform refused your last change: %1</source>
        <translation>平台拒绝了您上次的修改：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="172" />
        <source>Cannot be changed now: %1</source>
        <translation>现在无法修改：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="191" />
        <source>%1 Reason: %2</source>
        <translation>%1原因：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="196" />
        <source>Approved: goes live on %1.</source>
        <translation>已通过：将于 %1 上线。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="200" />
        <source>Available to every store.</source>
        <translation>所有店铺均可使用。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="241" />
        <source>WeChat Pay invitation</source>
        <translation>微信支付邀请</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="243" />
        <source>Next step: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="248" />
        <location filename="../../console/ui/views/store_detail.py" line="259" />
        <source>Phase</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="249" />
        <source>Not in a phase yet</source>
        <translation>尚未进入任何批次</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="261" />
        <source>Phase %1</source>
        <translation>第 %1 批</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="263" />
        <source>Application window</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="265" />
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="269" />
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="276" />
        <source>Launch date</source>
        <translation>上线日期</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="278" />
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="388" />
        <source>Choose a store in the list to see its payment methods.</source>
        <translation>在列表中选择一家店铺，查看它的支付方式。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="393" />
        <source>No store selected</source>
        <translation>未选择店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="440" />
        <source>%1 cannot be changed now</source>
        <translation>%1现在无法修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="466" />
        <source>Apply for WeChat Pay?</source>
        <translation>申请开通微信支付？</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="467" />
        <source>This sends the application for %1 to the platform. Shoppers see WeChat Pay once it is approved and the launch date has come.</source>
        <translation>将为“%1”向平台提交申请。审核通过且到达上线日期后，买家即可看到微信支付。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="472" />
        <source>Apply</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="476" />
        <source>Withdraw the application?</source>
        <translation>撤回申请？</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="477" />
        <source>The review of %1 stops. You can apply again while the application window is open.</source>
        <translation>“%1”的审核将停止。申请期内可以再次申请。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="481" />
        <source>Withdraw</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="485" />
        <source>Turn on %1?</source>
        <translation>开启%1？</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="486" />
        <source>Shoppers of %1 will be able to pay with %2.</source>
        <translation>“%1”的买家将可以使用%2付款。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="489" />
        <source>Turn on</source>
        <translation>确认开启</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="492" />
        <source>Turn off %1?</source>
        <translation>关闭%1？</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="493" />
        <source>Shoppers of %1 will no longer be able to pay with %2.</source>
        <translation>“%1”的买家将无法再使用%2付款。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="496" />
        <source>Turn off</source>
        <translation>确认关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="504" />
        <location filename="../../console/ui/views/store_detail.py" line="520" />
        <source>The change was not made</source>
        <translation>修改未完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/store_detail.py" line="522" />
        <source>Something went wrong on our side; nothing was changed. Details are in the log.</source>
        <translation>我们这边出了问题，没有作任何修改。详情已记录在日志中。</translation>
    </message>
</context>
<context>
    <name>StoresModel</name>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="909" />
        <source>Check stores to change them in bulk</source>
        <extracomment>The method each method column is about. Bits of a facts byte (``StoreTable.facts``). Every Visibility the list filters and counts by, in chip order. Every (platform, method) pair: what a table assumes until told which terms the platform offers. The store_columns fields StoreTable.from_chunks expects, in FIELDS order. the checked stores changed (count, or the set): the page's banner and bulk button follow</extracomment>
        <translation>选中店铺以批量修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="915" />
        <location filename="../../console/ui/models/stores_model.py" line="1049" />
        <source>Checked</source>
        <translation>已选中</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="917" />
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="918" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="919" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="920" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="921" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="922" />
        <source>Deadline</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="1015" />
        <location filename="../../console/ui/views/stores.py" line="448" />
        <location filename="../../console/ui/views/stores.py" line="471" />
        <source>%1 · phase %2</source>
        <translation>%1 · 第 %2 批</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="1026" />
        <location filename="../../console/ui/views/stores.py" line="478" />
        <source>not shown</source>
        <translation>买家不可见</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="1027" />
        <location filename="../../console/ui/views/stores.py" line="477" />
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="1050" />
        <source>Not checked</source>
        <translation>未选中</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/stores_model.py" line="1061" />
        <location filename="../../console/ui/views/stores.py" line="454" />
        <source>Waiting</source>
        <translation>待同步</translation>
    </message>
</context>
<context>
    <name>StoresView</name>
    <message>
        <location filename="../../console/ui/views/stores.py" line="357" />
        <location filename="../../console/ui/views/stores.py" line="405" />
        <source>Stores</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="359" />
        <source>Search by store name or ID (Ctrl+F)</source>
        <translation>按店铺名称或 ID 搜索（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="361" />
        <source>Search stores</source>
        <translation>搜索店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="364" />
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="367" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="371" />
        <source>Any setting</source>
        <translation>全部设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="372" />
        <source>WeChat Pay on</source>
        <translation>微信支付已开启</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="373" />
        <source>WeChat Pay off</source>
        <translation>微信支付已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="376" />
        <source>WeChat Pay shown to shoppers</source>
        <translation>微信支付买家可见</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="380" />
        <source>WeChat Pay not shown to shoppers</source>
        <translation>微信支付买家不可见</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="382" />
        <source>Alipay on</source>
        <translation>支付宝已开启</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="383" />
        <source>Alipay off</source>
        <translation>支付宝已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="386" />
        <source>Alipay shown to shoppers</source>
        <translation>支付宝买家可见</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="390" />
        <source>Alipay not shown to shoppers</source>
        <translation>支付宝买家不可见</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="394" />
        <source>Payment method setting</source>
        <translation>支付方式设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="395" />
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="396" />
        <source>Check every store shown</source>
        <translation>选中列表中显示的全部店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="397" />
        <source>Clear selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="398" />
        <source>Change in bulk…</source>
        <translation>批量修改…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="400" />
        <source>Turn a payment method on or off for the checked stores, or for every store shown</source>
        <translation>为选中的店铺（未选中时为列表中显示的全部店铺）开启或关闭一种支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="728" />
        <source>All %1 stores shown are checked.</source>
        <translation>已选中列表中显示的全部 %1 家店铺。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="730" />
        <source>All %1 stores are checked.</source>
        <translation>已选中全部 %1 家店铺。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="735" />
        <source>%1 checked</source>
        <translation>已选中 %1 家</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="737" />
        <source> (%1 not shown by these filters)</source>
        <translation>（其中 %1 家不在当前筛选结果中）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="742" />
        <source>Check all %1 stores shown</source>
        <translation>选中列表中显示的全部 %1 家店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="406" />
        <source>No store matches these filters.</source>
        <translation>没有符合筛选条件的店铺。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="638" />
        <source>All %1</source>
        <translation>全部 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="644" />
        <source>Shown to shoppers %1</source>
        <translation>买家可见 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="645" />
        <source>Not shown %1</source>
        <translation>买家不可见 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="646" />
        <source>Frozen %1</source>
        <translation>已冻结 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="647" />
        <source>Expired %1</source>
        <translation>已过期 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="648" />
        <source>Withdrawn %1</source>
        <translation>已撤回 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="651" />
        <source>Stores where shoppers can pay with WeChat Pay now</source>
        <translation>买家现在可以使用微信支付付款的店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="654" />
        <source>Stores where shoppers cannot pay with WeChat Pay now</source>
        <translation>买家现在无法使用微信支付付款的店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="657" />
        <source>The store or its WeChat Pay is frozen by the platform's risk review</source>
        <translation>店铺或其微信支付已被平台风控冻结</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="660" />
        <source>The WeChat Pay invitation expired</source>
        <translation>微信支付邀请已过期</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="661" />
        <source>The platform withdrew the WeChat Pay invitation</source>
        <translation>平台已撤回微信支付邀请</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="672" />
        <source>Deadline within 7 days %1</source>
        <translation>7 天内截止 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="676" />
        <source>Waiting to sync %1</source>
        <translation>待同步 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/stores.py" line="688" />
        <source>Showing %1 of %2</source>
        <translation>显示 %1 / 共 %2</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../console/ui/texts.py" line="53" />
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