<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionEditor</name>
    <message>
        <source>Action name</source>
        <translation>动作名称</translation>
    </message>
    <message>
        <source>Server address (instead of the document&apos;s)</source>
        <translation>服务器地址（代替文档中的地址）</translation>
    </message>
    <message>
        <source>Operations, each with a switch</source>
        <translation>操作列表，每项都有开关</translation>
    </message>
    <message>
        <source>All on</source>
        <translation>全部开启</translation>
    </message>
    <message>
        <source>Switch every operation on</source>
        <translation>开启所有操作</translation>
    </message>
    <message>
        <source>All off</source>
        <translation>全部关闭</translation>
    </message>
    <message>
        <source>Switch every operation off</source>
        <translation>关闭所有操作</translation>
    </message>
    <message>
        <source>Remove this action</source>
        <translation>移除此动作</translation>
    </message>
    <message>
        <source>Remove this action from the GPT</source>
        <translation>从 GPT 中移除此动作</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Switched-off operations are never offered to the model.</source>
        <translation>关闭的操作不会提供给模型。</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>身份验证</translation>
    </message>
    <message>
        <source>Reading the document…</source>
        <translation>正在读取文档…</translation>
    </message>
    <message>
        <source>%1 %2 (OpenAPI %3): %4 of %5 operations on.</source>
        <translation>%1 %2（OpenAPI %3）：已开启 %4 / %5 个操作。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>an API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>a bearer token</source>
        <translation>Bearer 令牌</translation>
    </message>
    <message>
        <source>a user name and password</source>
        <translation>用户名和密码</translation>
    </message>
    <message>
        <source>OAuth2 client credentials</source>
        <translation>OAuth2 客户端凭据</translation>
    </message>
    <message>
        <source>The API asks for %1.</source>
        <translation>该 API 需要%1。</translation>
    </message>
    <message>
        <source>The document names no full server address: give one here.</source>
        <translation>文档中没有完整的服务器地址，请在此填写。</translation>
    </message>
</context>
<context>
    <name>ActionImport</name>
    <message>
        <source>A file, or an https:// address of an OpenAPI document</source>
        <translation>OpenAPI 文档的文件路径或 https:// 地址</translation>
    </message>
    <message>
        <source>OpenAPI document: file or address</source>
        <translation>OpenAPI 文档：文件或地址</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose an OpenAPI file</source>
        <translation>选择 OpenAPI 文件</translation>
    </message>
    <message>
        <source>Paste text</source>
        <translation>粘贴文本</translation>
    </message>
    <message>
        <source>Paste the document&apos;s text instead</source>
        <translation>改为粘贴文档文本</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import the OpenAPI document</source>
        <translation>导入 OpenAPI 文档</translation>
    </message>
    <message>
        <source>OpenAPI document text (JSON or YAML)</source>
        <translation>OpenAPI 文档文本（JSON 或 YAML）</translation>
    </message>
    <message>
        <source>Paste an OpenAPI 2.0, 3.0 or 3.1 document here</source>
        <translation>在此粘贴 OpenAPI 2.0、3.0 或 3.1 文档</translation>
    </message>
    <message>
        <source>Paste the document first.</source>
        <translation>请先粘贴文档。</translation>
    </message>
    <message>
        <source>Give a file or an address first, or paste the text.</source>
        <translation>请先填写文件或地址，或粘贴文本。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Choose an OpenAPI document</source>
        <translation>选择 OpenAPI 文档</translation>
    </message>
    <message>
        <source>OpenAPI documents (*.json *.yaml *.yml);;All files (*)</source>
        <translation>OpenAPI 文档 (*.json *.yaml *.yml);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ActionsSection</name>
    <message>
        <source>The GPT&apos;s actions</source>
        <translation>此 GPT 的动作</translation>
    </message>
    <message>
        <source>No actions yet: import an OpenAPI document to let the GPT call an API.</source>
        <translation>还没有动作：导入 OpenAPI 文档后，GPT 就能调用相应的 API。</translation>
    </message>
    <message>
        <source>Import an API</source>
        <translation>导入 API</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Allowed without asking</source>
        <translation>无需询问即可访问</translation>
    </message>
    <message>
        <source>Actions ask before calling a host for the first time; these hosts were allowed for good. Forget one to be asked again.</source>
        <translation>动作首次访问某个主机前会先征求你的同意；以下主机已设为始终允许。移除后，下次访问时会再次询问。</translation>
    </message>
    <message>
        <source>%1 (%2 on)</source>
        <translation>%1（已开启 %2 个）</translation>
    </message>
</context>
<context>
    <name>AllowList</name>
    <message>
        <source>Hosts allowed without asking</source>
        <translation>无需询问即可访问的主机</translation>
    </message>
    <message>
        <source>No hosts yet. The first call to a host asks you; &apos;always allow&apos; puts the host here.</source>
        <translation>暂无主机。首次访问某个主机时会询问你；选择“始终允许”后，该主机会出现在这里。</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Forget %1: ask again before calling it</source>
        <translation>移除 %1：下次访问前重新询问</translation>
    </message>
</context>
<context>
    <name>AuthEditor</name>
    <message>
        <source>Authentication type</source>
        <translation>身份验证方式</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 令牌</translation>
    </message>
    <message>
        <source>User name and password</source>
        <translation>用户名和密码</translation>
    </message>
    <message>
        <source>OAuth2 client credentials</source>
        <translation>OAuth2 客户端凭据</translation>
    </message>
    <message>
        <source>Where the API key goes</source>
        <translation>API 密钥的位置</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Query parameter</source>
        <translation>查询参数</translation>
    </message>
    <message>
        <source>Cookie</source>
        <translation>Cookie</translation>
    </message>
    <message>
        <source>The API key&apos;s header or parameter name</source>
        <translation>API 密钥所用的请求头或参数名</translation>
    </message>
    <message>
        <source>OAuth2 token address</source>
        <translation>OAuth2 令牌地址</translation>
    </message>
    <message>
        <source>OAuth2 scopes, separated by spaces</source>
        <translation>OAuth2 权限范围，以空格分隔</translation>
    </message>
    <message>
        <source>Save to the keyring</source>
        <translation>保存到钥匙串</translation>
    </message>
    <message>
        <source>Save the secret to the system keyring</source>
        <translation>将密钥保存到系统钥匙串</translation>
    </message>
    <message>
        <source>The stored secret</source>
        <translation>已保存的密钥</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>身份验证</translation>
    </message>
    <message>
        <source>Sent in</source>
        <translation>发送位置</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数名</translation>
    </message>
    <message>
        <source>Token address</source>
        <translation>令牌地址</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>权限范围</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Type the secret first, then save it.</source>
        <translation>请先输入密钥，再保存。</translation>
    </message>
    <message>
        <source>Stored in the keyring: %1</source>
        <translation>已保存在钥匙串中：%1</translation>
    </message>
    <message>
        <source>Nothing stored yet: calls will fail until you save it.</source>
        <translation>尚未保存：保存之前，调用都会失败。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Type it, then save it to the keyring</source>
        <translation>输入后保存到钥匙串</translation>
    </message>
</context>
<context>
    <name>AvatarPicker</name>
    <message>
        <source>Avatar preview</source>
        <translation>头像预览</translation>
    </message>
    <message>
        <source>An emoji or symbol</source>
        <translation>一个表情或符号</translation>
    </message>
    <message>
        <source>Avatar emoji</source>
        <translation>头像表情</translation>
    </message>
    <message>
        <source>Avatar colour</source>
        <translation>头像颜色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>青色</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>琥珀色</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>灰色</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <source>Choose an image file as the avatar</source>
        <translation>选择一张图片作为头像</translation>
    </message>
    <message>
        <source>Use initial</source>
        <translation>使用首字</translation>
    </message>
    <message>
        <source>Show the name&apos;s initial as the avatar</source>
        <translation>用名称的首字作为头像</translation>
    </message>
    <message>
        <source>An avatar emoji is one emoji or a short symbol, without spaces.</source>
        <translation>头像表情只能是一个表情或简短符号，不能包含空格。</translation>
    </message>
    <message>
        <source>Choose an avatar image</source>
        <translation>选择头像图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
</context>
<context>
    <name>BuilderForm</name>
    <message>
        <source>Knowledge files cannot be managed in this build of Capsule Studio.</source>
        <translation>此版本的 Capsule Studio 无法管理知识文件。</translation>
    </message>
    <message>
        <source>Parts of the form</source>
        <translation>表单各部分</translation>
    </message>
    <message>
        <source>Profile and instructions</source>
        <translation>资料与指令</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>能力</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Has problems to fix</source>
        <translation>有待修正的问题</translation>
    </message>
</context>
<context>
    <name>BuilderPage</name>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Configure</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Configure the GPT with the form</source>
        <translation>用表单配置 GPT</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Create the GPT by describing it</source>
        <translation>通过描述来创建 GPT</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Version history</source>
        <translation>版本历史</translation>
    </message>
    <message>
        <source>Draft and version status</source>
        <translation>草稿与版本状态</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Discard the changes since the last version</source>
        <translation>放弃自上个版本以来的更改</translation>
    </message>
    <message>
        <source>Save version</source>
        <translation>保存版本</translation>
    </message>
    <message>
        <source>Save the form as a new version (Ctrl+S)</source>
        <translation>将表单保存为新版本（Ctrl+S）</translation>
    </message>
    <message>
        <source>Knowledge files cannot be added in this build of Capsule Studio.</source>
        <translation>此版本的 Capsule Studio 无法添加知识文件。</translation>
    </message>
    <message>
        <source>Discard the changes since version %1?</source>
        <translation>要放弃自版本 %1 以来的更改吗？</translation>
    </message>
    <message>
        <source>Restore version %1? The changes not saved as a version are discarded.</source>
        <translation>要恢复版本 %1 吗？尚未保存为版本的更改将被丢弃。</translation>
    </message>
    <message>
        <source>Version %1 · all changes saved</source>
        <translation>版本 %1 · 所有更改已保存</translation>
    </message>
    <message>
        <source>Version %1 · draft kept, not saved as a version yet</source>
        <translation>版本 %1 · 草稿已自动保存，尚未保存为版本</translation>
    </message>
    <message>
        <source>Version %1 · keeping the draft…</source>
        <translation>版本 %1 · 正在保存草稿…</translation>
    </message>
    <message>
        <source>Saving a new version…</source>
        <translation>正在保存新版本…</translation>
    </message>
    <message>
        <source>Not kept: fix the marked fields</source>
        <translation>未保存：请修正标出的字段</translation>
    </message>
</context>
<context>
    <name>CapabilitiesSection</name>
    <message>
        <source>Code interpreter</source>
        <translation>代码解释器</translation>
    </message>
    <message>
        <source>Let the GPT run Python code</source>
        <translation>允许 GPT 运行 Python 代码</translation>
    </message>
    <message>
        <source>Time limit per run, seconds</source>
        <translation>每次运行的时间限制（秒）</translation>
    </message>
    <message>
        <source>Memory limit, MB</source>
        <translation>内存限制（MB）</translation>
    </message>
    <message>
        <source>CPU time limit, seconds</source>
        <translation>CPU 时间限制（秒）</translation>
    </message>
    <message>
        <source>Most processes at once</source>
        <translation>最多同时运行的进程数</translation>
    </message>
    <message>
        <source>Largest file it may write, MB</source>
        <translation>可写入的最大文件（MB）</translation>
    </message>
    <message>
        <source>Time limit (s)</source>
        <translation>时间限制（秒）</translation>
    </message>
    <message>
        <source>Memory (MB)</source>
        <translation>内存（MB）</translation>
    </message>
    <message>
        <source>CPU time (s)</source>
        <translation>CPU 时间（秒）</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程数</translation>
    </message>
    <message>
        <source>Largest file (MB)</source>
        <translation>最大文件（MB）</translation>
    </message>
    <message>
        <source>Sandbox settings…</source>
        <translation>沙箱设置…</translation>
    </message>
    <message>
        <source>Open the code sandbox settings</source>
        <translation>打开代码沙箱设置</translation>
    </message>
    <message>
        <source>Web browsing</source>
        <translation>网页浏览</translation>
    </message>
    <message>
        <source>Let the GPT read web pages and search</source>
        <translation>允许 GPT 阅读网页和搜索</translation>
    </message>
    <message>
        <source>Search service</source>
        <translation>搜索服务</translation>
    </message>
    <message>
        <source>No search (fetch pages only)</source>
        <translation>不搜索（只抓取网页）</translation>
    </message>
    <message>
        <source>Search service address</source>
        <translation>搜索服务地址</translation>
    </message>
    <message>
        <source>SearXNG: http://localhost:8888</source>
        <translation>SearXNG：http://localhost:8888</translation>
    </message>
    <message>
        <source>Search results per query</source>
        <translation>每次搜索的结果数</translation>
    </message>
    <message>
        <source>Set the search key…</source>
        <translation>设置搜索密钥…</translation>
    </message>
    <message>
        <source>Set the search service&apos;s key</source>
        <translation>设置搜索服务的密钥</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果数</translation>
    </message>
    <message>
        <source>Image generation</source>
        <translation>图像生成</translation>
    </message>
    <message>
        <source>Let the GPT make pictures</source>
        <translation>允许 GPT 生成图片</translation>
    </message>
    <message>
        <source>Image provider</source>
        <translation>图像服务提供方</translation>
    </message>
    <message>
        <source>Image model</source>
        <translation>图像模型</translation>
    </message>
    <message>
        <source>e.g. gpt-image-1, or empty for its default</source>
        <translation>例如 gpt-image-1，留空则使用默认模型</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>图像尺寸</translation>
    </message>
    <message>
        <source>Image quality</source>
        <translation>图像质量</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>WIDTHxHEIGHT in pixels, or auto.</source>
        <translation>宽x高（像素），或 auto。</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Choose a provider…</source>
        <translation>选择提供方…</translation>
    </message>
    <message>
        <source>%1 (not set up)</source>
        <translation>%1（未设置）</translation>
    </message>
</context>
<context>
    <name>CreatePane</name>
    <message>
        <source>The builder&apos;s model</source>
        <translation>创建助手使用的模型</translation>
    </message>
    <message>
        <source>a local model, or provider:model</source>
        <translation>本地模型，或 提供方:模型</translation>
    </message>
    <message>
        <source>This GPT&apos;s model</source>
        <translation>此 GPT 的模型</translation>
    </message>
    <message>
        <source>Builder model</source>
        <translation>创建助手模型</translation>
    </message>
    <message>
        <source>Builder status</source>
        <translation>创建助手状态</translation>
    </message>
    <message>
        <source>Describe the GPT you want, e.g. “helps me plan healthy weekly meals”</source>
        <translation>描述你想要的 GPT，例如“帮我规划一周的健康饮食”</translation>
    </message>
    <message>
        <source>Message to the builder</source>
        <translation>发给创建助手的消息</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send to the builder (Ctrl+Enter)</source>
        <translation>发送给创建助手（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the builder</source>
        <translation>停止创建助手</translation>
    </message>
    <message>
        <source>Proposed changes</source>
        <translation>建议的修改</translation>
    </message>
    <message>
        <source>Proposed value (edit it before applying)</source>
        <translation>建议的内容（可在应用前修改）</translation>
    </message>
    <message>
        <source>Proposed value</source>
        <translation>建议的内容</translation>
    </message>
    <message>
        <source>Apply to the form</source>
        <translation>应用到表单</translation>
    </message>
    <message>
        <source>Apply the ticked changes to the form</source>
        <translation>将勾选的修改应用到表单</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Discard the proposal</source>
        <translation>放弃这份建议</translation>
    </message>
    <message>
        <source>The builder is thinking…</source>
        <translation>创建助手正在思考…</translation>
    </message>
    <message>
        <source>Loading the model… %1%</source>
        <translation>正在加载模型… %1%</translation>
    </message>
    <message>
        <source>Writing a proposal… %1 characters</source>
        <translation>正在撰写建议… 已写 %1 个字符</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>（无消息）</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>The builder proposes no change to the form.</source>
        <translation>创建助手没有建议修改表单。</translation>
    </message>
    <message>
        <source>Applied %1 change(s) to the form.</source>
        <translation>已将 %1 处修改应用到表单。</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Saved in the builder</source>
        <translation>在构建器中保存</translation>
    </message>
    <message>
        <source>Knowledge files changed</source>
        <translation>知识文件有变化</translation>
    </message>
    <message>
        <source>Restored version %1</source>
        <translation>恢复了版本 %1</translation>
    </message>
    <message>
        <source>Always allowed %1</source>
        <translation>始终允许 %1</translation>
    </message>
    <message>
        <source>Imported action %1</source>
        <translation>导入了动作 %1</translation>
    </message>
    <message>
        <source>Removed action %1</source>
        <translation>移除了动作 %1</translation>
    </message>
    <message>
        <source>Duplicated from %1</source>
        <translation>复制自 %1</translation>
    </message>
    <message>
        <source>Edited from the command line</source>
        <translation>通过命令行编辑</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>头像</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Conversation starters</source>
        <translation>开场白</translation>
    </message>
    <message>
        <source>Knowledge protection</source>
        <translation>知识保护</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Where the model runs</source>
        <translation>模型运行位置</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <source>Context size</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>能力</translation>
    </message>
    <message>
        <source>Code interpreter</source>
        <translation>代码解释器</translation>
    </message>
    <message>
        <source>Web browsing</source>
        <translation>网页浏览</translation>
    </message>
    <message>
        <source>Image generation</source>
        <translation>图像生成</translation>
    </message>
    <message>
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Allowed hosts</source>
        <translation>允许的主机</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Saved versions</source>
        <translation>已保存的版本</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Differences between the versions</source>
        <translation>版本之间的差异</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>Make the selected version current again</source>
        <translation>将所选版本恢复为当前版本</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>返回表单</translation>
    </message>
    <message>
        <source>Select one version to see what it changed, or two to compare.</source>
        <translation>选择一个版本查看它的改动，或选择两个版本进行比较。</translation>
    </message>
    <message>
        <source>Version %1 is the first: nothing before it.</source>
        <translation>版本 %1 是第一个版本，之前没有内容。</translation>
    </message>
    <message>
        <source>From version %1 to version %2: %3 changes.</source>
        <translation>从版本 %1 到版本 %2：%3 处改动。</translation>
    </message>
</context>
<context>
    <name>KnowledgeBatch</name>
    <message>
        <source>%1 indexed</source>
        <translation>已索引 %1 个</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>%1 个未变</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 个失败</translation>
    </message>
    <message>
        <source>stopped before the rest</source>
        <translation>其余文件未处理即已停止</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>完成：%1。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Reading %1: page %2 of %3</source>
        <translation>正在读取 %1：第 %2 页，共 %3 页</translation>
    </message>
    <message>
        <source>Indexing %1 (file %2 of %3)</source>
        <translation>正在索引 %1（第 %2 个，共 %3 个）</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>约剩 %1 秒</translation>
    </message>
</context>
<context>
    <name>KnowledgeFilesModel</name>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>正在索引…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>片段数</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>KnowledgeFilesPane</name>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add files to the knowledge</source>
        <translation>向知识库添加文件</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Add a folder to the knowledge</source>
        <translation>向知识库添加文件夹</translation>
    </message>
    <message>
        <source>Re-index</source>
        <translation>重新索引</translation>
    </message>
    <message>
        <source>Index the selected files again</source>
        <translation>重新索引所选文件</translation>
    </message>
    <message>
        <source>Index the selected files again, or every file when none is selected.</source>
        <translation>重新索引所选文件；未选择时重新索引全部文件。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected files</source>
        <translation>移除所选文件</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop indexing</source>
        <translation>停止索引</translation>
    </message>
    <message>
        <source>Drop files or folders here, or add them with the buttons above.</source>
        <translation>将文件或文件夹拖到这里，或用上方按钮添加。</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>索引进度</translation>
    </message>
    <message>
        <source>Indexing status</source>
        <translation>索引状态</translation>
    </message>
    <message>
        <source>Knowledge files</source>
        <translation>知识库文件</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>文档（%1）</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a GPT first: files become the open GPT&apos;s knowledge.</source>
        <translation>请先打开一个 GPT：文件会加入当前 GPT 的知识库。</translation>
    </message>
    <message>
        <source>These files will be indexed after the current ones.</source>
        <translation>这些文件将在当前文件处理完后索引。</translation>
    </message>
    <message>
        <source>Fix the knowledge settings first, then add the files.</source>
        <translation>请先修正知识库设置，再添加文件。</translation>
    </message>
    <message>
        <source>Remove files</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <source>Remove %1 from this GPT&apos;s knowledge? The files on your disk stay.</source>
        <translation>要从此 GPT 的知识库中移除 %1 吗？磁盘上的文件不受影响。</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 个文件</translation>
    </message>
    <message>
        <source>Files cannot be removed while indexing; try again after.</source>
        <translation>索引进行中，暂时不能移除文件；请在完成后再试。</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>正在移除…</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>当前文件完成后停止…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
</context>
<context>
    <name>KnowledgeSearchBox</name>
    <message>
        <source>Type what a user might ask…</source>
        <translation>输入用户可能会问的问题…</translation>
    </message>
    <message>
        <source>Test search query</source>
        <translation>测试搜索的查询</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Run the test search</source>
        <translation>运行测试搜索</translation>
    </message>
    <message>
        <source>Test search results</source>
        <translation>测试搜索结果</translation>
    </message>
    <message>
        <source>Fix the knowledge settings above first.</source>
        <translation>请先修正上方的知识库设置。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Nothing found. Try other words, or lower the minimum score.</source>
        <translation>没有找到结果。换个说法试试，或调低最低分数。</translation>
    </message>
    <message>
        <source>%1 pieces found, best first.</source>
        <translation>找到 %1 个片段，按相关度排序。</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>得分 %1</translation>
    </message>
</context>
<context>
    <name>KnowledgeSection</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Test search</source>
        <translation>测试搜索</translation>
    </message>
</context>
<context>
    <name>KnowledgeSettingsForm</name>
    <message>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Keywords only (BM25)</source>
        <translation>仅关键词（BM25）</translation>
    </message>
    <message>
        <source>Keywords and meaning (hybrid)</source>
        <translation>关键词加语义（混合）</translation>
    </message>
    <message>
        <source>None, or provider:model</source>
        <translation>不使用，或 提供方:模型</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <translation>片段大小</translation>
    </message>
    <message>
        <source>How much text each searchable piece holds; smaller finds details.</source>
        <translation>每个可检索片段包含的文本量；越小越能找到细节。</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>重叠</translation>
    </message>
    <message>
        <source>Text shared by neighbouring pieces, so no sentence is cut in two.</source>
        <translation>相邻片段共享的文本，避免句子被截断。</translation>
    </message>
    <message>
        <source>Pieces per answer</source>
        <translation>每次回答的片段数</translation>
    </message>
    <message>
        <source>How many pieces the GPT reads before each answer (top-k).</source>
        <translation>GPT 每次回答前读取的片段数量（top-k）。</translation>
    </message>
    <message>
        <source>Minimum score</source>
        <translation>最低分数</translation>
    </message>
    <message>
        <source>Pieces scoring below this are left out; 0 keeps every match.</source>
        <translation>低于此分数的片段会被舍弃；0 表示保留所有匹配。</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>检索方式</translation>
    </message>
    <message>
        <source>Automatic uses meaning as well as keywords once there are embeddings.</source>
        <translation>“自动”在有向量嵌入后会同时按语义和关键词检索。</translation>
    </message>
    <message>
        <source>Embedding model</source>
        <translation>嵌入模型</translation>
    </message>
    <message>
        <source>Lets search match meaning, not only words; takes effect once saved as a version and re-indexed.</source>
        <translation>让检索能匹配语义而不只是字词；保存为版本并重新索引后生效。</translation>
    </message>
    <message>
        <source>None (keyword search only)</source>
        <translation>不使用（仅关键词检索）</translation>
    </message>
</context>
<context>
    <name>LayersSpin</name>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Where the model runs</source>
        <translation>模型运行位置</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Look for models again</source>
        <translation>重新查找模型</translation>
    </message>
    <message>
        <source>About the model</source>
        <translation>模型信息</translation>
    </message>
    <message>
        <source>Memory the model needs</source>
        <translation>模型所需内存</translation>
    </message>
    <message>
        <source>This computer (llama.cpp)</source>
        <translation>本机（llama.cpp）</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>服务商：%1</translation>
    </message>
    <message>
        <source>%1 (not set up)</source>
        <translation>%1（未设置）</translation>
    </message>
    <message>
        <source>The model&apos;s id at the provider</source>
        <translation>该服务商的模型 ID</translation>
    </message>
    <message>
        <source>Choose a model…</source>
        <translation>选择模型…</translation>
    </message>
    <message>
        <source>%1 (unusable)</source>
        <translation>%1（无法使用）</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1（未找到）</translation>
    </message>
    <message>
        <source>Could not list the provider&apos;s models (%1). Type the model&apos;s id.</source>
        <translation>无法获取该服务商的模型列表（%1）。请直接输入模型 ID。</translation>
    </message>
    <message>
        <source>Asking the provider for its models…</source>
        <translation>正在向服务商获取模型列表…</translation>
    </message>
    <message>
        <source>Runs at %1; what you send goes to that service.</source>
        <translation>在 %1 运行；你发送的内容会传给该服务。</translation>
    </message>
    <message>
        <source>This provider is not set up: add it in Settings.</source>
        <translation>尚未设置此服务商：请在“设置”中添加。</translation>
    </message>
    <message>
        <source>Looking for the models on this computer…</source>
        <translation>正在查找本机的模型…</translation>
    </message>
    <message>
        <source>No model chosen: pick one of the GGUF files on this computer.</source>
        <translation>尚未选择模型：请从本机的 GGUF 文件中选择一个。</translation>
    </message>
    <message>
        <source>This model is not among the local models.</source>
        <translation>本地模型中没有这个模型。</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>no chat template</source>
        <translation>无对话模板</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters · trained context %4 · %5 on disk · %6</source>
        <translation>%1 · %2 · %3 参数 · 训练上下文 %4 · 占用磁盘 %5 · %6</translation>
    </message>
    <message>
        <source>Estimating the memory it needs…</source>
        <translation>正在估算所需内存…</translation>
    </message>
    <message>
        <source>About %1 at %2 tokens of context (weights %3, KV cache %4); %5 of %6 RAM is free.</source>
        <translation>上下文为 %2 个 token 时约需 %1（权重 %3，KV 缓存 %4）；内存可用 %5 / %6。</translation>
    </message>
    <message>
        <source>GPU (%1): %2 of %3 layers, about %4 of %5 free video memory.</source>
        <translation>GPU（%1）：%2 / %3 层，约占用 %4，可用显存 %5。</translation>
    </message>
    <message>
        <source>This llama.cpp build has no GPU offload: it all runs on the CPU.</source>
        <translation>此 llama.cpp 版本不支持 GPU 卸载：全部在 CPU 上运行。</translation>
    </message>
    <message>
        <source>Not enough free RAM: choose a smaller model or context.</source>
        <translation>可用内存不足：请选择更小的模型或上下文。</translation>
    </message>
    <message>
        <source>Not enough free video memory: lower the GPU layers.</source>
        <translation>可用显存不足：请减少 GPU 层数。</translation>
    </message>
</context>
<context>
    <name>ModelSection</name>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Maximum tokens per answer</source>
        <translation>每次回答的最大 token 数</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Context size</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <source>Higher gives more varied answers, lower more predictable ones.</source>
        <translation>越高回答越多样，越低回答越稳定。</translation>
    </message>
    <message>
        <source>Samples only from the likeliest words that add up to this share.</source>
        <translation>只从累计概率达到此比例的最可能的词中取样。</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <source>The longest answer, in tokens; a runaway model stops there.</source>
        <translation>回答的最大长度（token）；模型失控时会在此停下。</translation>
    </message>
    <message>
        <source>How many tokens the model sees at once; more remembers more and uses more memory. Default: 4,096 on this computer, the provider&apos;s otherwise.</source>
        <translation>模型一次能看到的 token 数；越大记得越多，也越占内存。默认：本机为 4,096，远程服务使用服务商的设置。</translation>
    </message>
    <message>
        <source>How many layers run on the GPU; Auto puts all of them there when llama.cpp can use a GPU, none otherwise.</source>
        <translation>在 GPU 上运行的层数；选“自动”时，llama.cpp 能使用 GPU 就全部放到 GPU，否则都不放。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Sampling and memory</source>
        <translation>采样与内存</translation>
    </message>
</context>
<context>
    <name>OperationsModel</name>
    <message>
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Offer %1 to the model</source>
        <translation>向模型提供 %1</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Too long: keep it to %1 characters at most.</source>
        <translation>太长了：最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Too short: give at least %1 characters.</source>
        <translation>太短了：至少 %1 个字符。</translation>
    </message>
    <message>
        <source>Too small: give %1 or more.</source>
        <translation>太小了：请填写 %1 或更大的值。</translation>
    </message>
    <message>
        <source>Give more than %1.</source>
        <translation>请填写大于 %1 的值。</translation>
    </message>
    <message>
        <source>Too large: give %1 or less.</source>
        <translation>太大了：请填写 %1 或更小的值。</translation>
    </message>
    <message>
        <source>This is not in the right form.</source>
        <translation>格式不正确。</translation>
    </message>
    <message>
        <source>The name is empty: give the GPT a name.</source>
        <translation>名称为空：请给 GPT 起个名字。</translation>
    </message>
    <message>
        <source>There are %1 conversation starters; keep at most %2.</source>
        <translation>共有 %1 个开场白，最多保留 %2 个。</translation>
    </message>
    <message>
        <source>A conversation starter is %1 characters long; keep each to %2 at most.</source>
        <translation>有一个开场白长达 %1 个字符，每个最多 %2 个字符。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name: give it as api.example.com.</source>
        <translation>“%1”不是主机名：请按 api.example.com 的形式填写。</translation>
    </message>
    <message>
        <source>Auth &apos;%1&apos; needs its key: save the key first.</source>
        <translation>身份验证“%1”需要密钥：请先保存密钥。</translation>
    </message>
</context>
<context>
    <name>ProfileSection</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>What the GPT is called</source>
        <translation>GPT 的名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>One line on what it does, for the library</source>
        <translation>用一句话说明它的用途，显示在列表中</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>What the GPT does, how it behaves, what it should avoid…</source>
        <translation>GPT 做什么、怎么做、应避免什么…</translation>
    </message>
    <message>
        <source>Length of the instructions</source>
        <translation>指令长度</translation>
    </message>
    <message>
        <source>Protect the instructions and knowledge</source>
        <translation>保护指令和知识库</translation>
    </message>
    <message>
        <source>Knowledge protection</source>
        <translation>知识保护</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>头像</translation>
    </message>
    <message>
        <source>Shown as buttons when a conversation starts; drag to reorder.</source>
        <translation>开始对话时以按钮显示；拖动可调整顺序。</translation>
    </message>
    <message>
        <source>Conversation starters</source>
        <translation>开场白</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>When on, the GPT declines to reveal its instructions or quote its knowledge at length, and long verbatim copies are withheld from answers.</source>
        <translation>开启后，GPT 会拒绝透露指令或大段引用知识库内容，回答中逐字照搬的长段落也会被隐去。</translation>
    </message>
    <message>
        <source>System prompt preview</source>
        <translation>系统提示词预览</translation>
    </message>
    <message>
        <source>%1 of %2 characters · about %3 tokens (estimated)</source>
        <translation>%1 / %2 个字符 · 约 %3 个 token（估算）</translation>
    </message>
</context>
<context>
    <name>PromptPreview</name>
    <message>
        <source>Instructions</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>How to cite knowledge</source>
        <translation>引用知识的说明</translation>
    </message>
    <message>
        <source>How to cite web pages</source>
        <translation>引用网页的说明</translation>
    </message>
    <message>
        <source>Knowledge protection</source>
        <translation>知识保护</translation>
    </message>
    <message>
        <source>Tokens per part of the system prompt</source>
        <translation>系统提示词各部分的 token 数</translation>
    </message>
    <message>
        <source>The system prompt the model gets</source>
        <translation>模型收到的系统提示词</translation>
    </message>
    <message>
        <source>No system prompt: write instructions or switch on a capability.</source>
        <translation>没有系统提示词：请编写指令或开启某项能力。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>About %1 tokens in all (estimated; the model&apos;s tokenizer decides)</source>
        <translation>共约 %1 个 token（估算，以模型的分词器为准）</translation>
    </message>
</context>
<context>
    <name>ProposalModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Conversation starters</source>
        <translation>开场白</translation>
    </message>
    <message>
        <source>Code interpreter</source>
        <translation>代码解释器</translation>
    </message>
    <message>
        <source>Web browsing</source>
        <translation>网页浏览</translation>
    </message>
    <message>
        <source>Image generation</source>
        <translation>图像生成</translation>
    </message>
    <message>
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>建议</translation>
    </message>
</context>
<context>
    <name>Reach</name>
    <message>
        <source>Runs the Python code the model writes, here on this computer, with the conversation&apos;s files in its folder.</source>
        <translation>在本机运行模型编写的 Python 代码，对话中的文件就在它的文件夹里。</translation>
    </message>
    <message>
        <source>Checking what this computer&apos;s sandbox protects…</source>
        <translation>正在检查本机沙箱的防护能力…</translation>
    </message>
    <message>
        <source>Network: none (a Linux network namespace).</source>
        <translation>网络：无法联网（Linux 网络命名空间）。</translation>
    </message>
    <message>
        <source>Network: blocked inside Python only (no network namespace here).</source>
        <translation>网络：仅在 Python 内部阻止（本机不支持网络命名空间）。</translation>
    </message>
    <message>
        <source>Files: it sees only the system, Python and its conversation&apos;s folder (bubblewrap); your home folder does not exist for it.</source>
        <translation>文件：只能看到系统、Python 和所属对话的文件夹（bubblewrap）；你的主目录对它不可见。</translation>
    </message>
    <message>
        <source>Files: it reads only the system, Python and its folder, and writes only there (Landlock).</source>
        <translation>文件：只能读取系统、Python 和它自己的文件夹，也只能写入该文件夹（Landlock）。</translation>
    </message>
    <message>
        <source>Files: NOT isolated: it can read and change what you can, your home folder included.</source>
        <translation>文件：未隔离！你能读写的文件它都能读写，包括你的主目录。</translation>
    </message>
    <message>
        <source>Processes: all of them end with the session (a PID namespace).</source>
        <translation>进程：所有进程都会随会话结束（PID 命名空间）。</translation>
    </message>
    <message>
        <source>User: the unprivileged user nobody.</source>
        <translation>用户：以无特权用户 nobody 运行。</translation>
    </message>
    <message>
        <source>Fetches any web page the model asks for, asking you before each new site, and reads its text into the conversation.</source>
        <translation>抓取模型请求的任何网页（每访问一个新网站前先征求你的同意），并把网页文字读入对话。</translation>
    </message>
    <message>
        <source>Searches go to %1 with the model&apos;s query.</source>
        <translation>搜索会把模型的查询发送给 %1。</translation>
    </message>
    <message>
        <source>Choose a provider whose server makes images; nothing is sent until then.</source>
        <translation>请选择能生成图片的服务商；选择之前不会发送任何内容。</translation>
    </message>
    <message>
        <source>Sends the model&apos;s picture descriptions to %1 (%2); the pictures are saved with the conversation.</source>
        <translation>把模型写的图片描述发送给 %1（%2）；生成的图片保存在对话中。</translation>
    </message>
</context>
<context>
    <name>StartersEditor</name>
    <message>
        <source>Conversation starters</source>
        <translation>开场白</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a conversation starter</source>
        <translation>添加开场白</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected starter</source>
        <translation>删除所选开场白</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the selected starter up</source>
        <translation>上移所选开场白</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the selected starter down</source>
        <translation>下移所选开场白</translation>
    </message>
    <message>
        <source>New conversation starter</source>
        <translation>新的开场白</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>Conversation with the builder</source>
        <translation>与创建助手的对话</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Builder</source>
        <translation>创建助手</translation>
    </message>
    <message>
        <source>Tell the builder what this GPT should do. It proposes a name, a description, instructions, conversation starters and capabilities; you choose what goes into the form.</source>
        <translation>告诉创建助手这个 GPT 要做什么。它会建议名称、简介、指令、开场白和功能，由你决定哪些写入表单。</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1（当前）</translation>
    </message>
</context>
</TS>
