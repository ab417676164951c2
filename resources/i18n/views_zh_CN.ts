<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityView</name>
    <message>
        <location filename="../../console/ui/views/activity.py" line="232"/>
        <location filename="../../console/ui/views/activity.py" line="239"/>
        <source>Activity</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="233"/>
        <source>Every change you made and every sync with the platform, newest first.</source>
        <translation>您做的每一项修改和每一次与平台的同步，最新的在最前。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="234"/>
        <source>&amp;Store</source>
        <translation>店铺(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="236"/>
        <source>&amp;Method</source>
        <translation>支付方式(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="237"/>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="238"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="235"/>
        <source>All stores</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="255"/>
        <source>All methods</source>
        <translation>全部支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="262"/>
        <source>All outcomes</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="318"/>
        <source>The activity could not be read. Please try again.</source>
        <translation>无法读取操作记录，请重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="339"/>
        <source>1 entry</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="339"/>
        <source>%1 entries</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="346"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="347"/>
        <source>Who</source>
        <translation>操作方</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="348"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="349"/>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="350"/>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="351"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="352"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="357"/>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="358"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="359"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="364"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="365"/>
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="366"/>
        <source>Merged with an unsent change</source>
        <translation>已合并到未发送的修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="367"/>
        <source>Cancelled (no change)</source>
        <translation>已取消（无变化）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="368"/>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="369"/>
        <source>Discarded</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="370"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="381"/>
        <source>a payment method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="388"/>
        <source>The platform refused: turn on %1</source>
        <translation>被平台拒绝：开启%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="390"/>
        <source>The platform refused: turn off %1</source>
        <translation>被平台拒绝：关闭%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="392"/>
        <source>The platform refused a change of %1</source>
        <translation>平台拒绝了%1的修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="394"/>
        <source>Sent to the platform: turn on %1</source>
        <translation>已提交平台：开启%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="394"/>
        <source>Turn on %1</source>
        <translation>开启%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="396"/>
        <source>Sent to the platform: turn off %1</source>
        <translation>已提交平台：关闭%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="396"/>
        <source>Turn off %1</source>
        <translation>关闭%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="398"/>
        <source>Sent a change of %1 to the platform</source>
        <translation>已向平台提交%1的修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="398"/>
        <source>Change %1</source>
        <translation>修改%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="401"/>
        <source>Sent your feedback to the platform</source>
        <translation>已向平台提交您的反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="403"/>
        <source>Send feedback on a rule change</source>
        <translation>对规则变更提交反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="404"/>
        <source>Send a change to the platform</source>
        <translation>向平台提交修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="405"/>
        <source>Fetch updates from the platform</source>
        <translation>从平台获取更新</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="406"/>
        <source>The platform refused a change</source>
        <translation>平台拒绝了一项修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="407"/>
        <source>Retry a change</source>
        <translation>重试修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="408"/>
        <source>Discard a change</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="409"/>
        <source>Mark an announcement read</source>
        <translation>将公告标为已读</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="428"/>
        <source>1 update received</source>
        <translation>收到 1 条更新</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="428"/>
        <source>%1 updates received</source>
        <translation>收到 %1 条更新</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="432"/>
        <source>Platform status: %1</source>
        <translation>平台状态：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="434"/>
        <source>the platform already had it</source>
        <translation>平台此前已收到</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="439"/>
        <source>Announcement: %1</source>
        <translation>公告：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="441"/>
        <source>Preview only, nothing changed</source>
        <translation>仅预览，未做任何修改</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="481"/>
        <source>Export activity</source>
        <translation>导出操作记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="483"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="491"/>
        <source>Could not save to %1: %2</source>
        <translation>无法保存到 %1：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="494"/>
        <source>Saved 1 entry to %2.</source>
        <translation>已将 1 条记录保存到 %2。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/activity.py" line="494"/>
        <source>Saved %1 entries to %2.</source>
        <translation>已将 %1 条记录保存到 %2。</translation>
    </message>
</context>
<context>
    <name>AnnouncementListModel</name>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="154"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
</context>
<context>
    <name>AnnouncementsView</name>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="367"/>
        <location filename="../../console/ui/views/announcements.py" line="385"/>
        <source>Rule changes</source>
        <translation>规则变更</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="370"/>
        <source>The platform announces rule changes before they take effect. While the opinion period is open you can send your feedback.</source>
        <translation>平台会在规则生效前发布变更公告。意见征集期内，您可以提交反馈。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="375"/>
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="376"/>
        <source>Opinion period</source>
        <translation>意见征集期</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="378"/>
        <source>Takes effect</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="382"/>
        <source>What changes for you</source>
        <translation>对您的影响</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="383"/>
        <location filename="../../console/ui/views/announcements.py" line="386"/>
        <source>Your feedback</source>
        <translation>您的反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="559"/>
        <source>What does this change mean for your business? The platform reads every comment.</source>
        <translation>这项变更对您的经营有什么影响？平台会阅读每一条反馈。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="387"/>
        <source>Send feedback</source>
        <translation>提交反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="377"/>
        <source>Countdown</source>
        <translation>倒计时</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="388"/>
        <source>No announcements yet. New rule changes appear here after a sync.</source>
        <translation>暂无公告。同步后，新的规则变更会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="399"/>
        <location filename="../../console/ui/views/announcements.py" line="478"/>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="399"/>
        <location filename="../../console/ui/views/announcements.py" line="478"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="400"/>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="400"/>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="402"/>
        <source>1 minute</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="402"/>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="405"/>
        <location filename="../../console/ui/views/announcements.py" line="407"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="413"/>
        <source>Opinion period opens in %1</source>
        <translation>意见征集期将在 %1后开始</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="415"/>
        <source>%1 left to send feedback</source>
        <translation>距反馈截止还剩 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="416"/>
        <source>Opinion period closed on %1</source>
        <translation>意见征集期已于 %1 结束</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="422"/>
        <source>Feedback open · %1 left</source>
        <translation>可提交反馈 · 还剩 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="424"/>
        <source>Takes effect %1</source>
        <translation>%1 生效</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="425"/>
        <source>In effect since %1</source>
        <translation>已于 %1 生效</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="429"/>
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="431"/>
        <source>Refused by the platform</source>
        <translation>被平台拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="432"/>
        <source>Received by the platform</source>
        <translation>平台已收到</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="465"/>
        <source>Mark as unread</source>
        <translation>标为未读</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="465"/>
        <source>Mark as read</source>
        <translation>标为已读</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="472"/>
        <source>Published only %1 before it takes effect: less than the 7 days' notice the rules require. You may raise this in your feedback or with platform support.</source>
        <translation>本公告发布后仅 %1即生效，不足规定的 7 天公示期。您可以在反馈中提出，或联系平台客服。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="484"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="497"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="499"/>
        <source>all platforms</source>
        <translation>所有平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="502"/>
        <source>Counting your stores…</source>
        <translation>正在统计您的店铺…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="512"/>
        <source>None of your stores are on %1: nothing changes for you.</source>
        <translation>您没有在%1上的店铺，这项变更对您没有影响。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="514"/>
        <source>It applies to all %1 of your stores.</source>
        <translation>适用于您的全部 %1 家店铺。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="517"/>
        <source>1 of your %2 stores is on %3.</source>
        <translation>您的 %2 家店铺中有 1 家在%3上。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="518"/>
        <source>%1 of your %2 stores are on %3.</source>
        <translation>您的 %2 家店铺中有 %1 家在%3上。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="525"/>
        <source>%1 is on in %2 of them.</source>
        <translation>其中 %2 家已开启%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="531"/>
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="546"/>
        <source>You have not sent feedback on this yet.</source>
        <translation>您还没有就此提交过反馈。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="574"/>
        <source>Feedback opens on %1, when the opinion period starts.</source>
        <translation>意见征集期于 %1 开始，届时即可提交反馈。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="578"/>
        <source>The opinion period ended on %1, so feedback can no longer be sent.</source>
        <translation>意见征集期已于 %1 结束，无法再提交反馈。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="629"/>
        <source>Saved. Your feedback is waiting to sync and is sent as soon as the platform can be reached.</source>
        <translation>已保存。您的反馈正在等待同步，连上平台后会立即发送。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="644"/>
        <source>Your feedback could not be saved on this computer. Please try again.</source>
        <translation>您的反馈未能保存在本机，请重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/announcements.py" line="682"/>
        <source>Could not count your stores.</source>
        <translation>无法统计您的店铺。</translation>
    </message>
</context>
<context>
    <name>CheckoutView</name>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="610"/>
        <source>Checkout preview</source>
        <translation>收银台预览</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="613"/>
        <source>See the payment page exactly as your shoppers will, for any store, amount and device. Works offline from the data on this computer.</source>
        <translation>按店铺、金额和设备查看买家看到的付款页面。使用本机数据，离线也能用。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="617"/>
        <source>&amp;Store</source>
        <translation>店铺(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="618"/>
        <source>Search by store name or ID</source>
        <translation>按店铺名称或 ID 搜索</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="619"/>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="620"/>
        <source>e.g. 128.00</source>
        <translation>例如 128.00</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="621"/>
        <source>Shopper's device</source>
        <translation>买家设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="624"/>
        <source>What shoppers see. Fees in grey are shown only to you.</source>
        <translation>买家看到的页面。灰色的手续费信息仅您可见。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="625"/>
        <source>Not shown to shoppers</source>
        <translation>买家看不到的支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="626"/>
        <source>Store receiving code</source>
        <translation>店铺收款码</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="627"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="629"/>
        <source>What shoppers see at checkout</source>
        <translation>买家在收银台看到的页面</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="630"/>
        <source>Store receiving QR code</source>
        <translation>店铺收款二维码</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="631"/>
        <source>Monthly fee per method, as bars</source>
        <translation>各支付方式每月手续费条形图</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="632"/>
        <location filename="../../console/ui/views/checkout.py" line="633"/>
        <source>Fees per month</source>
        <translation>每月手续费</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="634"/>
        <source>Monthly &amp;sales (¥)</source>
        <translation>月销售额（元）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="636"/>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="636"/>
        <source>Rate</source>
        <translation>费率</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="636"/>
        <source>Fee per month</source>
        <translation>月手续费</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="636"/>
        <source>You receive</source>
        <translation>实际到账</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="696"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="725"/>
        <source>Enter an amount, e.g. 128.00.</source>
        <translation>请输入金额，例如 128.00。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="726"/>
        <source>This is not an amount. Use digits, e.g. 128.00 or ¥1,234.50.</source>
        <translation>这不是有效金额。请输入数字，例如 128.00 或 ¥1,234.50。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="727"/>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="728"/>
        <source>Use at most two decimals (fen).</source>
        <translation>最多保留两位小数（精确到分）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="729"/>
        <source>Thousands separators go every three digits, e.g. 1,234.50.</source>
        <translation>千位分隔符应每三位一个，例如 1,234.50。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="730"/>
        <source>This amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="731"/>
        <source>Enter an amount above zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="733"/>
        <source>This is not an amount.</source>
        <translation>这不是有效金额。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="774"/>
        <source>The preview still shows %1.</source>
        <translation>预览仍按 %1 显示。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="826"/>
        <source>Every method is shown for this amount and device.</source>
        <translation>此金额和设备下，所有支付方式都会显示。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="829"/>
        <source>hidden because:</source>
        <translation>不显示的原因：</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="847"/>
        <source>This store has no receiving code yet.</source>
        <translation>这家店铺还没有收款码。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="853"/>
        <source>Code content: %1</source>
        <translation>码内容：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="856"/>
        <source>One code for several wallets. Shoppers can pay it with:</source>
        <translation>一码多付，买家可用以下钱包扫码付款：</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="867"/>
        <source>No wallet can pay this code right now.</source>
        <translation>目前没有钱包可以支付此收款码。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="877"/>
        <source>%1 (not available to your shoppers yet)</source>
        <translation>%1（买家暂不可用）</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="907"/>
        <source>Paid entirely with %1, this month would cost %2 less than with %3.</source>
        <translation>如果全部使用%1付款，本月手续费比%3少 %2。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="912"/>
        <source>Both methods cost the same at these rates.</source>
        <translation>按当前费率，两种支付方式的手续费相同。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="915"/>
        <source>Choose a store to compare its fees.</source>
        <translation>请选择店铺以比较手续费。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="917"/>
        <source>Rates come from the platform's published terms for this store.</source>
        <translation>费率来自平台为这家店铺公布的条款。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="923"/>
        <source>Export checkout preview</source>
        <translation>导出收银台预览</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="925"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="930"/>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="930"/>
        <source>Could not save to %1.</source>
        <translation>无法保存到 %1。</translation>
    </message>
</context>
<context>
    <name>ShopperScreen</name>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="299"/>
        <source>Checkout</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="303"/>
        <source>Choose a store to see its checkout.</source>
        <translation>请选择店铺以查看收银台。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="311"/>
        <source>Pay with</source>
        <translation>选择支付方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="314"/>
        <source>No payment method is available: shoppers cannot pay.</source>
        <translation>没有可用的支付方式，买家无法付款。</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="323"/>
        <source>Pay %1</source>
        <translation>确认付款 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="339"/>
        <source>Secure checkout</source>
        <translation>安全收银台</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="368"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="371"/>
        <source>Scan the QR code with the app</source>
        <translation>用 App 扫码付款</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="371"/>
        <source>Pay in the app</source>
        <translation>在 App 内付款</translation>
    </message>
    <message>
        <location filename="../../console/ui/views/checkout.py" line="376"/>
        <source>Only you see this: fee %1 (%2), you receive %3</source>
        <translation>仅您可见：手续费 %1（%2），实际到账 %3</translation>
    </message>
</context>
</TS>
