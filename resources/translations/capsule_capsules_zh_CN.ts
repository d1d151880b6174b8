<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CapsuleFlows</name>
    <message>
        <source>Import a GPT</source>
        <translation>导入 GPT</translation>
    </message>
    <message>
        <source>Capsules and GPTs from other apps (*.capsule *.json *.png)</source>
        <translation>胶囊文件及其他应用的 GPT (*.capsule *.json *.png)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Capsules</name>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Decrypting…</source>
        <translation>正在解密…</translation>
    </message>
    <message>
        <source>Unpacking…</source>
        <translation>正在解包…</translation>
    </message>
    <message>
        <source>Indexing the knowledge…</source>
        <translation>正在索引知识库…</translation>
    </message>
    <message>
        <source>Adding it to the library…</source>
        <translation>正在添加到 GPT 列表…</translation>
    </message>
    <message>
        <source>Reading the knowledge…</source>
        <translation>正在读取知识库…</translation>
    </message>
    <message>
        <source>Packing…</source>
        <translation>正在打包…</translation>
    </message>
    <message>
        <source>Packing and encrypting…</source>
        <translation>正在打包并加密…</translation>
    </message>
    <message>
        <source>%1 of %2 files</source>
        <translation>第 %1 个，共 %2 个文件</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Knowledge file</source>
        <translation>知识文件</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>头像</translation>
    </message>
    <message>
        <source>Built index</source>
        <translation>已建索引</translation>
    </message>
    <message>
        <source>Unsigned: nothing says who made it.</source>
        <translation>未签名：无法确认制作者。</translation>
    </message>
    <message>
        <source>Bad signature: %1</source>
        <translation>签名无效：%1</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>Signed by %1 %2</source>
        <translation>由 %1 签名，指纹 %2</translation>
    </message>
    <message>
        <source>(trusted as %1)</source>
        <translation>（已信任为 %1）</translation>
    </message>
    <message>
        <source>(not a signer you trust yet)</source>
        <translation>（尚未信任此签名者）</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 页</translation>
    </message>
    <message>
        <source>1 chunk</source>
        <translation>1 个片段</translation>
    </message>
    <message>
        <source>%1 chunks</source>
        <translation>%1 个片段</translation>
    </message>
    <message>
        <source>%1, embedded by %2</source>
        <translation>%1，嵌入模型：%2</translation>
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
        <source>OAuth 2 client credentials</source>
        <translation>OAuth 2 客户端凭据</translation>
    </message>
    <message>
        <source>Answers through the provider “%1” (%2): conversations and knowledge excerpts go there.</source>
        <translation>通过服务商“%1”（%2）回答：对话内容和知识库摘录会发送到那里。</translation>
    </message>
    <message>
        <source>Runs Python code it writes (code interpreter), in a sandbox.</source>
        <translation>在沙箱中运行它自己编写的 Python 代码（代码解释器）。</translation>
    </message>
    <message>
        <source>Fetches web pages the model chooses (each host asks for consent first).</source>
        <translation>抓取模型选定的网页（首次访问每个主机前都会征求你的同意）。</translation>
    </message>
    <message>
        <source>Fetches web pages and searches with %1 (%2); each host asks for consent first.</source>
        <translation>抓取网页，并用 %1（%2）搜索；首次访问每个主机前都会征求你的同意。</translation>
    </message>
    <message>
        <source>Generates images through the provider “%1” (%2).</source>
        <translation>通过服务商“%1”（%2）生成图片。</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>尚未设置</translation>
    </message>
    <message>
        <source>no known host</source>
        <translation>未知主机</translation>
    </message>
    <message>
        <source>Calls the action “%1” on %2 with %3; each host asks for consent before its first call.</source>
        <translation>调用动作“%1”（访问 %2，身份验证：%3）；首次调用每个主机前都会征求你的同意。</translation>
    </message>
    <message>
        <source>Calls the action “%1” on %2; each host asks for consent before its first call.</source>
        <translation>调用动作“%1”（访问 %2）；首次调用每个主机前都会征求你的同意。</translation>
    </message>
    <message>
        <source>API key for the action “%1”</source>
        <translation>动作“%1”的 API 密钥</translation>
    </message>
    <message>
        <source>Bearer token for the action “%1”</source>
        <translation>动作“%1”的 Bearer 令牌</translation>
    </message>
    <message>
        <source>User name for the action “%1”</source>
        <translation>动作“%1”的用户名</translation>
    </message>
    <message>
        <source>Password for the action “%1”</source>
        <translation>动作“%1”的密码</translation>
    </message>
    <message>
        <source>Client ID for the action “%1”</source>
        <translation>动作“%1”的客户端 ID</translation>
    </message>
    <message>
        <source>Client secret for the action “%1”</source>
        <translation>动作“%1”的客户端密钥</translation>
    </message>
    <message>
        <source>API key of the provider “%1” (%2)</source>
        <translation>服务商“%1”（%2）的 API 密钥</translation>
    </message>
    <message>
        <source>%1 API key (web search)</source>
        <translation>%1 API 密钥（网页搜索）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export “%1”</source>
        <translation>导出“%1”</translation>
    </message>
    <message>
        <source>Export a GPT</source>
        <translation>导出 GPT</translation>
    </message>
    <message>
        <source>Capsule (.capsule), with its knowledge</source>
        <translation>胶囊文件 (.capsule)，含知识库</translation>
    </message>
    <message>
        <source>Open WebUI model (JSON)</source>
        <translation>Open WebUI 模型 (JSON)</translation>
    </message>
    <message>
        <source>OpenAI Assistant (JSON)</source>
        <translation>OpenAI Assistant (JSON)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>保存的文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation>选择保存位置</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>保存到(&amp;S)：</translation>
    </message>
    <message>
        <source>Export message</source>
        <translation>导出信息</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export the GPT</source>
        <translation>导出此 GPT</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Capsule options</source>
        <translation>胶囊选项</translation>
    </message>
    <message>
        <source>Leave empty for no password</source>
        <translation>留空则不设密码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Keep the name and description readable without the password</source>
        <translation>不输入密码也能看到名称和简介</translation>
    </message>
    <message>
        <source>Readable header</source>
        <translation>公开的基本信息</translation>
    </message>
    <message>
        <source>Include the built index (larger file; no indexing again on import)</source>
        <translation>包含已建好的索引（文件更大，导入时无需重新索引）</translation>
    </message>
    <message>
        <source>Include the index</source>
        <translation>包含索引</translation>
    </message>
    <message>
        <source>Sign it with my key</source>
        <translation>用我的密钥签名</translation>
    </message>
    <message>
        <source>Sign the capsule</source>
        <translation>为胶囊签名</translation>
    </message>
    <message>
        <source>Shown to whoever imports it</source>
        <translation>导入者会看到</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>作者(&amp;A)：</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>请选择文件的保存位置。</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>Save the GPT as</source>
        <translation>将 GPT 另存为</translation>
    </message>
    <message>
        <source>Capsules (*.capsule)</source>
        <translation>胶囊文件 (*.capsule)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with this export?</source>
        <translation>%1 已存在。要用这次导出的文件替换它吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>已保存到 %1（%2）。</translation>
    </message>
    <message>
        <source>Signed with %1.</source>
        <translation>已用 %1 签名。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Left out or changed:</source>
        <translation>未包含或有改动的内容：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import “%1”</source>
        <translation>导入“%1”</translation>
    </message>
    <message>
        <source>Import a GPT</source>
        <translation>导入 GPT</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>What the file holds</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <source>The password the capsule was exported with</source>
        <translation>导出胶囊时设置的密码</translation>
    </message>
    <message>
        <source>Capsule password</source>
        <translation>胶囊密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Unlock the capsule</source>
        <translation>解锁胶囊</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Why it cannot be imported</source>
        <translation>无法导入的原因</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import the GPT</source>
        <translation>导入此 GPT</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>It was changed after it was signed, so it is not imported.</source>
        <translation>此文件在签名后被改动过，因此不予导入。</translation>
    </message>
    <message>
        <source>Wrong password. Check it and try again.</source>
        <translation>密码错误，请检查后重试。</translation>
    </message>
    <message>
        <source>This file was changed after it was exported (damaged or tampered with), so it is not imported. Ask its author for a fresh copy.</source>
        <translation>此文件在导出后被改动过（已损坏或被篡改），因此不予导入。请向作者重新索取一份。</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was added.</source>
        <translation>已取消导入，没有添加任何内容。</translation>
    </message>
</context>
<context>
    <name>InspectView</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Author and format</source>
        <translation>作者和格式</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Trust this fingerprint</source>
        <translation>信任此指纹</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>What it would enable</source>
        <translation>将会启用的功能</translation>
    </message>
    <message>
        <source>Dropped or changed on the way</source>
        <translation>转换时舍弃或改动的内容</translation>
    </message>
    <message>
        <source>Keys it needs</source>
        <translation>所需的密钥</translation>
    </message>
    <message>
        <source>About keys</source>
        <translation>关于密钥</translation>
    </message>
    <message>
        <source>A capsule never carries keys. Enter your own; they go to your system&apos;s keyring. Leave a field empty to set it later.</source>
        <translation>胶囊从不携带密钥。请填写你自己的密钥，它们会保存在系统钥匙串中。留空的可以以后再设置。</translation>
    </message>
    <message>
        <source>Replace the GPT with the same id</source>
        <translation>替换 ID 相同的 GPT</translation>
    </message>
    <message>
        <source>Reaches: %1</source>
        <translation>会访问：%1</translation>
    </message>
    <message>
        <source>Nothing beyond answering.</source>
        <translation>仅回答问题，不启用其他功能。</translation>
    </message>
    <message>
        <source>Names files it does not hold (add them to its knowledge): %1</source>
        <translation>提到了未包含的文件（请自行添加到知识库）：%1</translation>
    </message>
    <message>
        <source>Replace the GPT “%1” that has the same id (its versions stay in history)</source>
        <translation>替换 ID 相同的 GPT“%1”（旧版本保留在历史记录中）</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>作者：%1</translation>
    </message>
    <message>
        <source>Capsule</source>
        <translation>胶囊文件</translation>
    </message>
    <message>
        <source>Encrypted capsule</source>
        <translation>加密的胶囊文件</translation>
    </message>
    <message>
        <source>From another app: %1</source>
        <translation>来自其他应用：%1</translation>
    </message>
    <message>
        <source>Already set here; leave empty to keep it</source>
        <translation>本机已设置；留空则保留原值</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>ProgressRow</name>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
</context>
</TS>
