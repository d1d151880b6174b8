<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>关闭这条消息</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something you entered is not valid.</source>
        <translation>输入的内容无效。</translation>
    </message>
    <message>
        <source>The API description cannot be used.</source>
        <translation>无法使用这份 API 描述文档。</translation>
    </message>
    <message>
        <source>It is not there any more.</source>
        <translation>它已经不存在了。</translation>
    </message>
    <message>
        <source>That GPT does not exist (any more).</source>
        <translation>这个 GPT 不存在（或已被删除）。</translation>
    </message>
    <message>
        <source>That conversation does not exist (any more).</source>
        <translation>这个对话不存在（或已被删除）。</translation>
    </message>
    <message>
        <source>That run does not exist.</source>
        <translation>这次运行不存在。</translation>
    </message>
    <message>
        <source>That version does not exist.</source>
        <translation>这个版本不存在。</translation>
    </message>
    <message>
        <source>That action does not exist.</source>
        <translation>这个动作不存在。</translation>
    </message>
    <message>
        <source>That model provider is not set up.</source>
        <translation>尚未设置这个模型服务商。</translation>
    </message>
    <message>
        <source>A key or password is missing.</source>
        <translation>缺少密钥或密码。</translation>
    </message>
    <message>
        <source>The database cannot be used.</source>
        <translation>无法使用数据库。</translation>
    </message>
    <message>
        <source>The database is damaged.</source>
        <translation>数据库已损坏。</translation>
    </message>
    <message>
        <source>The database comes from a newer version.</source>
        <translation>数据库来自更新的版本。</translation>
    </message>
    <message>
        <source>The database is busy in another program.</source>
        <translation>数据库正被另一个程序占用。</translation>
    </message>
    <message>
        <source>The model cannot be used.</source>
        <translation>无法使用这个模型。</translation>
    </message>
    <message>
        <source>No model is chosen for this GPT.</source>
        <translation>这个 GPT 还没有选择模型。</translation>
    </message>
    <message>
        <source>The model cannot be found.</source>
        <translation>找不到这个模型。</translation>
    </message>
    <message>
        <source>The model file is damaged or incomplete.</source>
        <translation>模型文件已损坏或不完整。</translation>
    </message>
    <message>
        <source>The model could not be loaded.</source>
        <translation>无法加载模型。</translation>
    </message>
    <message>
        <source>The local model stopped unexpectedly.</source>
        <translation>本地模型意外停止。</translation>
    </message>
    <message>
        <source>The conversation is too long for the model.</source>
        <translation>对话太长，超出了模型的上下文。</translation>
    </message>
    <message>
        <source>The model failed to answer.</source>
        <translation>模型未能回答。</translation>
    </message>
    <message>
        <source>The service refused the API key.</source>
        <translation>服务拒绝了 API 密钥。</translation>
    </message>
    <message>
        <source>The service cannot be reached.</source>
        <translation>无法连接到服务。</translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation>服务没有及时响应。</translation>
    </message>
    <message>
        <source>The service is limiting requests.</source>
        <translation>服务正在限制请求频率。</translation>
    </message>
    <message>
        <source>The service answered with an error.</source>
        <translation>服务返回了错误。</translation>
    </message>
    <message>
        <source>The settings cannot be read or saved.</source>
        <translation>无法读取或保存设置。</translation>
    </message>
    <message>
        <source>No system keyring is available.</source>
        <translation>系统密钥环不可用。</translation>
    </message>
    <message>
        <source>A key would travel unencrypted.</source>
        <translation>密钥将以未加密的方式传输。</translation>
    </message>
    <message>
        <source>The download failed.</source>
        <translation>下载失败。</translation>
    </message>
    <message>
        <source>The downloaded file is not the right one.</source>
        <translation>下载的文件不正确。</translation>
    </message>
    <message>
        <source>There is not enough disk space.</source>
        <translation>磁盘空间不足。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>The run could not go on.</source>
        <translation>运行无法继续。</translation>
    </message>
    <message>
        <source>This conversation is still answering.</source>
        <translation>这个对话仍在回答中。</translation>
    </message>
    <message>
        <source>The run cannot do that now.</source>
        <translation>运行当前无法执行此操作。</translation>
    </message>
    <message>
        <source>A tool failed.</source>
        <translation>工具执行失败。</translation>
    </message>
    <message>
        <source>Code cannot be isolated from your files on this machine.</source>
        <translation>在这台机器上无法将代码与你的文件隔离。</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>无法读取文件。</translation>
    </message>
    <message>
        <source>Reading the file took too long.</source>
        <translation>读取文件耗时过长。</translation>
    </message>
    <message>
        <source>The file needs too much memory to read.</source>
        <translation>读取该文件需要的内存太多。</translation>
    </message>
    <message>
        <source>The file could not be read (a bug).</source>
        <translation>无法读取文件（程序缺陷）。</translation>
    </message>
    <message>
        <source>The file is damaged.</source>
        <translation>文件已损坏。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file is too large.</source>
        <translation>文件太大。</translation>
    </message>
    <message>
        <source>This kind of file is not supported.</source>
        <translation>不支持这种文件。</translation>
    </message>
    <message>
        <source>The file needs a password.</source>
        <translation>文件需要密码。</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>The file unpacks to far too much data.</source>
        <translation>文件解压后的数据量过大。</translation>
    </message>
    <message>
        <source>The file holds unsafe XML.</source>
        <translation>文件含有不安全的 XML。</translation>
    </message>
    <message>
        <source>Scanned pages need the optional OCR engine, which is not installed.</source>
        <translation>扫描页面需要可选的 OCR 引擎，但它尚未安装。</translation>
    </message>
    <message>
        <source>This file cannot be imported.</source>
        <translation>无法导入此文件。</translation>
    </message>
    <message>
        <source>The capsule is damaged or incomplete.</source>
        <translation>胶囊文件已损坏或不完整。</translation>
    </message>
    <message>
        <source>The capsule was refused as unsafe.</source>
        <translation>胶囊文件不安全，已拒绝导入。</translation>
    </message>
    <message>
        <source>The capsule was changed after export.</source>
        <translation>胶囊文件在导出后被改动过。</translation>
    </message>
    <message>
        <source>The capsule needs a newer Capsule Studio.</source>
        <translation>此胶囊需要更新版本的 Capsule Studio。</translation>
    </message>
    <message>
        <source>The capsule needs its password.</source>
        <translation>此胶囊需要密码。</translation>
    </message>
    <message>
        <source>The capsule&apos;s password is wrong.</source>
        <translation>胶囊的密码不对。</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>出了点问题。</translation>
    </message>
    <message>
        <source>Something went wrong inside Capsule Studio.</source>
        <translation>Capsule Studio 内部出现了问题。</translation>
    </message>
    <message>
        <source>Show the GPTs</source>
        <translation>查看 GPT 列表</translation>
    </message>
    <message>
        <source>Show the versions</source>
        <translation>查看版本</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>开始新对话</translation>
    </message>
    <message>
        <source>Stop the run</source>
        <translation>停止运行</translation>
    </message>
    <message>
        <source>Show the conversation&apos;s files</source>
        <translation>查看对话文件</translation>
    </message>
    <message>
        <source>Open the knowledge</source>
        <translation>打开知识库</translation>
    </message>
    <message>
        <source>Open the actions</source>
        <translation>打开动作</translation>
    </message>
    <message>
        <source>Set the action&apos;s authentication</source>
        <translation>设置动作的认证</translation>
    </message>
    <message>
        <source>Set the action&apos;s server</source>
        <translation>设置动作的服务器</translation>
    </message>
    <message>
        <source>Show the local models</source>
        <translation>查看本地模型</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>选择模型</translation>
    </message>
    <message>
        <source>Get a model</source>
        <translation>获取模型</translation>
    </message>
    <message>
        <source>Import a model file</source>
        <translation>导入模型文件</translation>
    </message>
    <message>
        <source>Remove the model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Add the provider</source>
        <translation>添加服务商</translation>
    </message>
    <message>
        <source>Set the API key</source>
        <translation>设置 API 密钥</translation>
    </message>
    <message>
        <source>Test the provider</source>
        <translation>测试服务商</translation>
    </message>
    <message>
        <source>Show the providers</source>
        <translation>查看服务商</translation>
    </message>
    <message>
        <source>Set the search key</source>
        <translation>设置搜索密钥</translation>
    </message>
    <message>
        <source>Allow this host</source>
        <translation>允许此主机</translation>
    </message>
    <message>
        <source>Review the code sandbox</source>
        <translation>查看代码沙箱</translation>
    </message>
    <message>
        <source>How to read scanned files</source>
        <translation>如何读取扫描文件</translation>
    </message>
    <message>
        <source>Choose the embedding model</source>
        <translation>选择嵌入模型</translation>
    </message>
    <message>
        <source>Download the model</source>
        <translation>下载模型</translation>
    </message>
    <message>
        <source>Enter the password</source>
        <translation>输入密码</translation>
    </message>
    <message>
        <source>Trust this signer</source>
        <translation>信任此签名者</translation>
    </message>
    <message>
        <source>Replace the existing GPT</source>
        <translation>替换现有的 GPT</translation>
    </message>
    <message>
        <source>Fix it</source>
        <translation>去处理</translation>
    </message>
    <message>
        <source>This is a bug; the details are in the log%1. Your data was not changed.</source>
        <translation>这是一个程序缺陷；详情已记录在日志中%1。你的数据没有被改动。</translation>
    </message>
</context>
<context>
    <name>ListPane</name>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>调试台</translation>
    </message>
    <message>
        <source>The open GPT</source>
        <translation>当前打开的 GPT</translation>
    </message>
    <message>
        <source>&amp;New GPT</source>
        <translation>新建 GPT(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Duplicate GPT</source>
        <translation>复制 GPT(&amp;D)</translation>
    </message>
    <message>
        <source>De&amp;lete GPT</source>
        <translation>删除 GPT(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Import GPT…</source>
        <translation>导入 GPT(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export GPT…</source>
        <translation>导出 GPT(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Find GPT</source>
        <translation>查找 GPT(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Save version</source>
        <translation>保存版本(&amp;S)</translation>
    </message>
    <message>
        <source>Version &amp;history…</source>
        <translation>版本历史(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About Capsule Studio</source>
        <translation>关于 Capsule Studio(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>构建(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Playground</source>
        <translation>调试台(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;GPT</source>
        <translation>GPT(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Reading scanned files</source>
        <translation>读取扫描文件</translation>
    </message>
    <message>
        <source>Scanned PDFs and images are read with RapidOCR, an optional part of Capsule Studio. Install it into Capsule Studio&apos;s Python environment, then add the file again:</source>
        <translation>扫描的 PDF 和图片由 RapidOCR 识别，它是 Capsule Studio 的可选组件。请把它安装到 Capsule Studio 所用的 Python 环境中，然后重新添加该文件：</translation>
    </message>
    <message>
        <source>Open a GPT first: dropped files become the open GPT&apos;s knowledge.</source>
        <translation>请先打开一个 GPT：拖入的文件会成为当前 GPT 的知识。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>Could not open %1 in a file manager; open it yourself.</source>
        <translation>无法在文件管理器中打开 %1，请手动打开。</translation>
    </message>
    <message>
        <source>About Capsule Studio</source>
        <translation>关于 Capsule Studio</translation>
    </message>
    <message>
        <source>Capsule Studio %1: private assistants that run on your own machine.</source>
        <translation>Capsule Studio %1：在你自己的电脑上运行的私人助手。</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last deletion</source>
        <translation>撤销刚才的删除</translation>
    </message>
</context>
</TS>
