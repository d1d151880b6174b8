<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoreTexts</name>
    <message>
        <source>&apos;{color}&apos; is not a colour in #RRGGBB form: pick another.</source>
        <translation>“{color}”不是 #RRGGBB 格式的颜色：请换一个。</translation>
    </message>
    <message>
        <source>&apos;{decision}&apos; is not an answer: use one of {answers}.</source>
        <translation>“{decision}”不是有效的回答：请使用 {answers} 之一。</translation>
    </message>
    <message>
        <source>&apos;{shown}&apos; is not a web address fetch_url can read: only http:// and https:// URLs are allowed.</source>
        <translation>“{shown}”不是 fetch_url 能读取的网址：只允许 http:// 和 https:// 开头的地址。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is neither a catalog id nor OWNER/REPO/FILE.gguf.</source>
        <translation>“{text}”既不是模型目录中的 ID，也不是 所有者/仓库/文件.gguf 形式的地址。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a fingerprint: give the 32 hex digits shown where the capsule is inspected (spaces are optional).</source>
        <translation>“{text}”不是指纹：请输入查看胶囊文件时显示的 32 位十六进制数字（空格可有可无）。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not valid UTF-8 text, so it names nothing here and cannot be stored: check how it was typed, or rename the file to a UTF-8 name.</source>
        <translation>“{text}”不是有效的 UTF-8 文本，无法对应任何内容，也无法保存：请检查输入方式，或将文件重命名为 UTF-8 名称。</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a URL that can be fetched.</source>
        <translation>“{url}”不是可以获取的网址。</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a URL this action can call; check the action&apos;s server.</source>
        <translation>“{url}”不是此动作可以调用的 URL；请检查动作的服务器。</translation>
    </message>
    <message>
        <source>A conversation needs a name: type one.</source>
        <translation>对话需要一个名称：请输入名称。</translation>
    </message>
    <message>
        <source>A different file named {name} is already in {folder} (it does not match the hub&apos;s version). Remove it first, or move it elsewhere, then download again.</source>
        <translation>{folder} 中已有另一个名为 {name} 的文件（与模型仓库中的版本不一致）。请先删除它或把它移到别处，再重新下载。</translation>
    </message>
    <message>
        <source>A different model named {name} is already in {folder}. Rename your file, or remove the existing one first.</source>
        <translation>{folder} 中已有另一个名为 {name} 的模型。请给你的文件改个名，或先移除已有的那个。</translation>
    </message>
    <message>
        <source>A mapping key at line {line} is a list or a mapping: OpenAPI documents only use text keys. Write the key as text.</source>
        <translation>第 {line} 行的映射键是列表或映射：OpenAPI 文档只使用文本键。请把这个键写成文本。</translation>
    </message>
    <message>
        <source>API key rejected by {label} ({status}): set a new key for &apos;{profile}&apos;.</source>
        <translation>{label} 拒绝了 API 密钥（{status}）：请为“{profile}”设置新的密钥。</translation>
    </message>
    <message>
        <source>API key rejected by {label} ({status}): set a new key for &apos;{profile}&apos;. The server said: {detail}</source>
        <translation>{label} 拒绝了 API 密钥（{status}）：请为“{profile}”设置新的密钥。服务器说明：{detail}</translation>
    </message>
    <message>
        <source>An action document ({digest}) is missing from the database. Restore a backup, or import the action again.</source>
        <translation>数据库中缺少一份动作文档（{digest}）。请从备份恢复，或重新导入该动作。</translation>
    </message>
    <message>
        <source>An avatar&apos;s emoji must be 1 to {most} characters without spaces: pick one emoji or symbol.</source>
        <translation>头像表情须为 1 到 {most} 个字符且不含空格：请选择一个表情或符号。</translation>
    </message>
    <message>
        <source>An image needs a prompt: describe what to draw.</source>
        <translation>生成图像需要提示词：请描述要画的内容。</translation>
    </message>
    <message>
        <source>Another Capsule Studio process is writing {path}; try again in a moment.</source>
        <translation>另一个 Capsule Studio 进程正在写入 {path}，请稍后再试。</translation>
    </message>
    <message>
        <source>Ask for 1 to {most} images, not {count}.</source>
        <translation>一次可生成 1 到 {most} 张图像，不能是 {count} 张。</translation>
    </message>
    <message>
        <source>Call python with {{&quot;code&quot;: &quot;...&quot;}}: the Python code to run, as a string.</source>
        <translation>调用 python 时请传入 {{&quot;code&quot;: &quot;...&quot;}}：要运行的 Python 代码，以字符串形式给出。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cannot add &apos;{name}&apos;: {problems}</source>
        <translation>无法添加“{name}”：{problems}</translation>
    </message>
    <message>
        <source>Cannot reach {base} ({reason}). Check your connection.</source>
        <translation>无法连接 {base}（{reason}）。请检查网络连接。</translation>
    </message>
    <message>
        <source>Cannot read settings from {path}: {reason}. Check the file&apos;s permissions.</source>
        <translation>无法从 {path} 读取设置：{reason}。请检查该文件的权限。</translation>
    </message>
    <message>
        <source>Cannot read the model catalog {path}: {reason}</source>
        <translation>无法读取模型目录 {path}：{reason}</translation>
    </message>
    <message>
        <source>Cannot read {name} for a memory estimate: {reason}</source>
        <translation>无法读取 {name} 来估算内存：{reason}</translation>
    </message>
    <message>
        <source>Cannot read {name}: it is not UTF-8 text.</source>
        <translation>无法读取 {name}：它不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}.</source>
        <translation>无法读取 {name}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}. Pick another image.</source>
        <translation>无法读取 {name}：{reason}。请换一张图片。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot save settings to {path}: {reason}. Free some disk space or check the folder&apos;s permissions; the previous settings are intact.</source>
        <translation>无法将设置保存到 {path}：{reason}。请释放一些磁盘空间或检查文件夹权限；原有设置未受影响。</translation>
    </message>
    <message>
        <source>Cannot save the trace to {path}: {reason}. Choose another folder.</source>
        <translation>无法将运行轨迹保存到 {path}：{reason}。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Cannot write to {path} ({reason}). Check the folder&apos;s permissions and free disk space.</source>
        <translation>无法写入 {path}（{reason}）。请检查文件夹权限和可用磁盘空间。</translation>
    </message>
    <message>
        <source>Cannot write {name}: {reason}.</source>
        <translation>无法写入 {name}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}. Check that the folder exists, that you may write there, and that the disk has room.</source>
        <translation>无法写入 {path}：{reason}。请确认文件夹存在、你有写入权限，并且磁盘空间充足。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}. Choose another place.</source>
        <translation>无法写入 {path}：{reason}。请换一个位置。</translation>
    </message>
    <message>
        <source>Capsule Studio may not read {name}. Check the file&apos;s permissions, or copy it to a folder you own and add the copy.</source>
        <translation>Capsule Studio 没有读取 {name} 的权限。请检查文件权限，或把它复制到你自己的文件夹后添加副本。</translation>
    </message>
    <message>
        <source>Checking {name} cancelled; nothing was changed.</source>
        <translation>已取消校验 {name}，没有做任何更改。</translation>
    </message>
    <message>
        <source>Comparing {name} with the copy already imported was cancelled.</source>
        <translation>已取消将 {name} 与已导入的副本进行比对。</translation>
    </message>
    <message>
        <source>Consent starts afresh: the {count} host(s) the exporter always allowed will ask before their first call here.</source>
        <translation>同意记录重新开始：导出者一直允许的 {count} 个主机，在这里首次调用前都会重新征求你的同意。</translation>
    </message>
    <message>
        <source>Copying the knowledge was cancelled.</source>
        <translation>已取消复制知识库。</translation>
    </message>
    <message>
        <source>Could not connect to {host} (connection failed); check the address, or the site may be down.</source>
        <translation>无法连接到 {host}（连接失败）；请检查地址，也可能是该网站暂时无法访问。</translation>
    </message>
    <message>
        <source>Could not connect to {host} ({detail}); check the address, or the site may be down.</source>
        <translation>无法连接到 {host}（{detail}）；请检查地址，也可能是该网站暂时无法访问。</translation>
    </message>
    <message>
        <source>Could not connect to {host} ({detail}); the service may be down, or the server URL wrong.</source>
        <translation>无法连接到 {host}（{detail}）；服务可能已停止，或服务器 URL 有误。</translation>
    </message>
    <message>
        <source>Could not connect to {host} within {seconds} s; the service may be down, or the server URL wrong.</source>
        <translation>{seconds} 秒内未能连接到 {host}；服务可能已停止，或服务器 URL 有误。</translation>
    </message>
    <message>
        <source>Could not connect to {host} within {seconds} s; the site may be down or unreachable from here. Try again later, or use another source.</source>
        <translation>{seconds} 秒内无法连接到 {host}；该网站可能已停止服务，或从这里无法访问。请稍后再试，或换用其他来源。</translation>
    </message>
    <message>
        <source>Database error in {path}: {reason}</source>
        <translation>数据库 {path} 出错：{reason}</translation>
    </message>
    <message>
        <source>Download of {name} cancelled before it started.</source>
        <translation>{name} 的下载在开始前已取消。</translation>
    </message>
    <message>
        <source>Download of {name} cancelled. The partial file ({have} of {total}) is kept in {folder}: run the same download again to resume it.</source>
        <translation>{name} 的下载已取消。已下载的部分（{have} / {total}）保存在 {folder}：再次下载同一模型即可继续。</translation>
    </message>
    <message>
        <source>Download of {name} cancelled. The partial file ({have}) is kept in {folder}: run the same download again to resume it.</source>
        <translation>{name} 的下载已取消。已下载的部分（{have}）保存在 {folder}：再次下载同一模型即可继续。</translation>
    </message>
    <message>
        <source>Download of {name} stopped. The partial file ({have} of {total}) is kept in {folder}: run the same download again to resume it.</source>
        <translation>{name} 的下载已中断。已下载的部分（{have} / {total}）保存在 {folder}：再次下载同一模型即可继续。</translation>
    </message>
    <message>
        <source>Download of {name} stopped. The partial file ({have}) is kept in {folder}: run the same download again to resume it.</source>
        <translation>{name} 的下载已中断。已下载的部分（{have}）保存在 {folder}：再次下载同一模型即可继续。</translation>
    </message>
    <message>
        <source>Download of {name} stopped: the connection keeps dropping ({reason}). The partial file ({have} of {total}) is kept in {folder}: run the same download again to resume it.</source>
        <translation>{name} 的下载已中断：连接反复断开（{reason}）。已下载的部分（{have} / {total}）保存在 {folder}：再次下载同一模型即可继续。</translation>
    </message>
    <message>
        <source>Download of {name} stopped: the connection keeps dropping ({reason}). The partial file ({have}) is kept in {folder}: run the same download again to resume it.</source>
        <translation>{name} 的下载已中断：连接反复断开（{reason}）。已下载的部分（{have}）保存在 {folder}：再次下载同一模型即可继续。</translation>
    </message>
    <message>
        <source>Downloading {source} failed: {reason}</source>
        <translation>下载 {source} 失败：{reason}</translation>
    </message>
    <message>
        <source>Export stopped; no file was written.</source>
        <translation>导出已停止，未写入任何文件。</translation>
    </message>
    <message>
        <source>File {file_id} is not in this knowledge.</source>
        <translation>文件 {file_id} 不在此知识库中。</translation>
    </message>
    <message>
        <source>GPT {gpt_id} has no action &apos;{action_id}&apos;.</source>
        <translation>GPT {gpt_id} 没有动作“{action_id}”。</translation>
    </message>
    <message>
        <source>GPT {gpt_id} has no version {version}.</source>
        <translation>GPT {gpt_id} 没有版本 {version}。</translation>
    </message>
    <message>
        <source>Give the model after the colon: {profile}:MODEL_ID, one of the ids it serves.</source>
        <translation>请在冒号后写明模型：{profile}:MODEL_ID，使用该服务商提供的某个模型 ID。</translation>
    </message>
    <message>
        <source>Give the name you know this signer by.</source>
        <translation>请填写你对这位签名者的称呼。</translation>
    </message>
    <message>
        <source>HF_HUB_OFFLINE is set, so nothing can be downloaded. Unset it, or import a .gguf file you already have.</source>
        <translation>已设置 HF_HUB_OFFLINE，无法下载任何内容。请取消该设置，或导入你已有的 .gguf 文件。</translation>
    </message>
    <message>
        <source>Image generation is not set up: the GPT&apos;s image_generation.provider setting is empty. Tell the user to choose, in the GPT&apos;s image generation settings, a provider profile whose server has an images endpoint.</source>
        <translation>尚未设置图像生成：GPT 的 image_generation.provider 设置为空。请告诉用户在 GPT 的图像生成设置中选择一个服务商配置，其服务器需提供图像接口。</translation>
    </message>
    <message>
        <source>Import of {name} cancelled; nothing was copied.</source>
        <translation>已取消导入 {name}，没有复制任何内容。</translation>
    </message>
    <message>
        <source>Import stopped; nothing was imported.</source>
        <translation>导入已停止，未导入任何内容。</translation>
    </message>
    <message>
        <source>Importing needs about {needed} MiB free beside the data folder ({folder}); there are {free} MiB. Free some space and try again.</source>
        <translation>导入需要数据文件夹（{folder}）所在磁盘约有 {needed} MiB 可用空间，目前只有 {free} MiB。请清理一些空间后重试。</translation>
    </message>
    <message>
        <source>It answers through the provider profile &apos;{provider}&apos;, which is not set up here: add that profile, or choose another model.</source>
        <translation>它通过服务商配置“{provider}”回答，但本机尚未设置该配置：请添加该配置，或选择其他模型。</translation>
    </message>
    <message>
        <source>Its model will not answer here yet: {reason}</source>
        <translation>它的模型目前还无法在本机回答：{reason}</translation>
    </message>
    <message>
        <source>Line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
    <message>
        <source>Loading the model was stopped.</source>
        <translation>已停止加载模型。</translation>
    </message>
    <message>
        <source>Model &apos;{model}&apos; cannot be used: {problem}</source>
        <translation>模型“{model}”无法使用：{problem}</translation>
    </message>
    <message>
        <source>Model file not found: {path}</source>
        <translation>找不到模型文件：{path}</translation>
    </message>
    <message>
        <source>Name the host to allow.</source>
        <translation>请填写要允许的主机名。</translation>
    </message>
    <message>
        <source>No GPT with id &apos;{gpt_id}&apos;.</source>
        <translation>没有 ID 为“{gpt_id}”的 GPT。</translation>
    </message>
    <message>
        <source>No OS keyring is available, and Capsule Studio keeps API keys only there (never in a plain file). Install a keyring backend supported by the `keyring` package for your system. Then run the command again.</source>
        <translation>没有可用的系统钥匙串，而 Capsule Studio 只把 API 密钥保存在那里（绝不存入普通文件）。请为你的系统安装一个 `keyring` 包支持的钥匙串后端，然后重新运行该命令。</translation>
    </message>
    <message>
        <source>No OS keyring is available, and Capsule Studio keeps API keys only there (never in a plain file). On Linux, install and start a Secret Service provider: GNOME Keyring (`sudo apt install gnome-keyring`), KWallet, or KeePassXC with Secret Service integration enabled; on a headless machine, run `dbus-run-session -- sh` and unlock gnome-keyring-daemon inside it. Then run the command again.</source>
        <translation>没有可用的系统钥匙串，而 Capsule Studio 只把 API 密钥保存在那里（绝不存入普通文件）。在 Linux 上，请安装并启动一个 Secret Service 提供程序：GNOME Keyring（`sudo apt install gnome-keyring`）、KWallet，或启用了 Secret Service 集成的 KeePassXC；在没有图形界面的机器上，请运行 `dbus-run-session -- sh`，并在其中解锁 gnome-keyring-daemon。然后重新运行该命令。</translation>
    </message>
    <message>
        <source>No OS keyring is available, and Capsule Studio keeps API keys only there (never in a plain file). On Windows, Credential Manager should be used; check that it is enabled. Then run the command again.</source>
        <translation>没有可用的系统钥匙串，而 Capsule Studio 只把 API 密钥保存在那里（绝不存入普通文件）。在 Windows 上应使用凭据管理器，请检查它是否已启用，然后重新运行该命令。</translation>
    </message>
    <message>
        <source>No OS keyring is available, and Capsule Studio keeps API keys only there (never in a plain file). On macOS the login Keychain should be used; check that it is unlocked. Then run the command again.</source>
        <translation>没有可用的系统钥匙串，而 Capsule Studio 只把 API 密钥保存在那里（绝不存入普通文件）。在 macOS 上应使用“登录”钥匙串，请检查它是否已解锁，然后重新运行该命令。</translation>
    </message>
    <message>
        <source>No catalog model &apos;{ident}&apos;. Known ids: {known}. Or pass OWNER/REPO/FILE.gguf to download any GGUF file from the hub.</source>
        <translation>模型目录中没有“{ident}”。已有的 ID：{known}。也可以填写 所有者/仓库/文件.gguf，从模型仓库下载任意 GGUF 文件。</translation>
    </message>
    <message>
        <source>No export format &apos;{kind}&apos;; there are {formats}.</source>
        <translation>没有“{kind}”这种导出格式；可用的格式有：{formats}。</translation>
    </message>
    <message>
        <source>No file at {file}: check the path.</source>
        <translation>{file} 处没有文件：请检查路径。</translation>
    </message>
    <message>
        <source>No file at {path}: check the path.</source>
        <translation>{path} 处没有文件：请检查路径。</translation>
    </message>
    <message>
        <source>No knowledge file with id &apos;{file_id}&apos;.</source>
        <translation>没有 ID 为“{file_id}”的知识库文件。</translation>
    </message>
    <message>
        <source>No local model &apos;{ident}&apos;.</source>
        <translation>没有名为“{ident}”的本地模型。</translation>
    </message>
    <message>
        <source>No message with id &apos;{message_id}&apos;.</source>
        <translation>没有 ID 为“{message_id}”的消息。</translation>
    </message>
    <message>
        <source>No model chosen for {label}: set the GPT&apos;s model to one it serves.</source>
        <translation>尚未为 {label} 选择模型：请把 GPT 的模型设为它提供的某个模型。</translation>
    </message>
    <message>
        <source>No model selected and no local model found: drop a .gguf file into {folders}, download one from the catalog, or add a remote provider.</source>
        <translation>未选择模型，也没有找到本地模型：请把 .gguf 文件放进 {folders}，从模型目录下载一个，或添加远程服务商。</translation>
    </message>
    <message>
        <source>No model selected for this GPT: choose one (local models: {models}).</source>
        <translation>这个 GPT 尚未选择模型：请选择一个（本地模型：{models}）。</translation>
    </message>
    <message>
        <source>No provider profile named &apos;{name}&apos; (profiles: none yet). Add it first.</source>
        <translation>没有名为“{name}”的服务商配置（目前还没有任何配置）。请先添加。</translation>
    </message>
    <message>
        <source>No provider profile named &apos;{name}&apos; (profiles: {known}). Add it first.</source>
        <translation>没有名为“{name}”的服务商配置（现有配置：{known}）。请先添加。</translation>
    </message>
    <message>
        <source>No repository &apos;{repo}&apos; on {base} (or it is private). Check the name; for a private repository set HF_TOKEN to an access token that can read it.</source>
        <translation>{base} 上没有仓库“{repo}”（或它是私有仓库）。请检查名称；如果是私有仓库，请把 HF_TOKEN 设为有权读取它的访问令牌。</translation>
    </message>
    <message>
        <source>No run with id &apos;{run_id}&apos;.</source>
        <translation>没有 ID 为“{run_id}”的运行记录。</translation>
    </message>
    <message>
        <source>No thread with id &apos;{thread_id}&apos;.</source>
        <translation>没有 ID 为“{thread_id}”的对话。</translation>
    </message>
    <message>
        <source>No {provider} API key is set, so web_search cannot run. Ask the user to store one in the web browsing settings, then try again.</source>
        <translation>尚未设置 {provider} 的 API 密钥，web_search 无法运行。请让用户在网页浏览设置中保存密钥，然后重试。</translation>
    </message>
    <message>
        <source>Not enough disk space for importing {name}: it needs {needed} (plus {margin} to spare) and only {free} is free on the disk holding {folder}. Free some space, or point CAPSULE_STUDIO_HOME at a larger disk.</source>
        <translation>磁盘空间不足，无法导入 {name}：需要 {needed}（另需预留 {margin}），而 {folder} 所在磁盘只剩 {free}。请清理一些空间，或把 CAPSULE_STUDIO_HOME 指向更大的磁盘。</translation>
    </message>
    <message>
        <source>Not enough disk space for {name}: it needs {needed} (plus {margin} to spare) and only {free} is free on the disk holding {folder}. Free some space, or point CAPSULE_STUDIO_HOME at a larger disk.</source>
        <translation>磁盘空间不足，无法存放 {name}：需要 {needed}（另需预留 {margin}），而 {folder} 所在磁盘只剩 {free}。请清理一些空间，或把 CAPSULE_STUDIO_HOME 指向更大的磁盘。</translation>
    </message>
    <message>
        <source>Nothing on this computer can keep code a GPT runs away from your files: it could read your home folder, your SSH keys and the app&apos;s conversations and settings, and change them (a changed settings file can send your API keys elsewhere). Such code can come from a shared capsule&apos;s instructions or documents, not only from you.</source>
        <translation>这台电脑上没有任何机制能把 GPT 运行的代码与你的文件隔离开：这些代码可以读取你的主文件夹、SSH 密钥以及本应用的对话和设置，并能修改它们（被改动的设置文件可能把你的 API 密钥发往别处）。这类代码不一定出自你手，也可能来自分享的胶囊文件中的指令或文档。</translation>
    </message>
    <message>
        <source>Nothing to remove: {path} does not exist.</source>
        <translation>没有可移除的内容：{path} 不存在。</translation>
    </message>
    <message>
        <source>Only a question still in this conversation can be edited or asked again; reload the conversation and try again.</source>
        <translation>只有仍在此对话中的问题才能编辑或重新提问；请重新载入对话后再试。</translation>
    </message>
    <message>
        <source>OpenAPI {version} is not supported: use a document in {supported}.</source>
        <translation>不支持 OpenAPI {version}：请使用 {supported} 格式的文档。</translation>
    </message>
    <message>
        <source>Reading {name} needed more than {memory} MB of memory, so it was stopped. Split the file into smaller ones (or save it again without large images) and add those.</source>
        <translation>读取 {name} 需要超过 {memory} MB 内存，已停止。请把文件拆分成几个较小的文件（或去掉大图片后重新保存），再添加它们。</translation>
    </message>
    <message>
        <source>Reading {name} took longer than {seconds} seconds, so it was stopped. The file may be damaged or unusually complex: open it in the program that made it, save a copy (or print it to PDF), and add the copy.</source>
        <translation>读取 {name} 超过了 {seconds} 秒，已停止。文件可能已损坏或结构异常复杂：请用创建它的程序打开，另存一份副本（或打印为 PDF），然后添加副本。</translation>
    </message>
    <message>
        <source>Removed {names} ({size} freed).</source>
        <translation>已移除 {names}（释放了 {size}）。</translation>
    </message>
    <message>
        <source>Repository {repo} has no revision &apos;{revision}&apos; on {base}.</source>
        <translation>{base} 上的仓库 {repo} 没有版本“{revision}”。</translation>
    </message>
    <message>
        <source>Run {run_id} already ended ({status}).</source>
        <translation>运行 {run_id} 已经结束（{status}）。</translation>
    </message>
    <message>
        <source>Run {run_id} has no message of the user&apos;s to answer again; pick another run.</source>
        <translation>运行 {run_id} 中没有可重新回答的用户消息；请选择其他运行。</translation>
    </message>
    <message>
        <source>Run {run_id} has no user message to answer.</source>
        <translation>运行 {run_id} 中没有需要回答的用户消息。</translation>
    </message>
    <message>
        <source>Run {run_id} is not waiting for {unknown}; it waits for: {pending}.</source>
        <translation>运行 {run_id} 并未在等待 {unknown}；它在等待：{pending}。</translation>
    </message>
    <message>
        <source>Run {run_id} is {status}, not waiting for consent.</source>
        <translation>运行 {run_id} 的状态是 {status}，并未在等待许可。</translation>
    </message>
    <message>
        <source>Run {run_id} is {status}, not waiting for tool outputs (it waits for consent).</source>
        <translation>运行 {run_id} 的状态是 {status}，并未在等待工具输出（它在等待许可）。</translation>
    </message>
    <message>
        <source>Run {run_id} is {status}, not waiting for tool outputs.</source>
        <translation>运行 {run_id} 的状态是 {status}，并未在等待工具输出。</translation>
    </message>
    <message>
        <source>Some files could not be added to the conversation&apos;s knowledge, so the message was not sent: {problems}. Remove them and send again.</source>
        <translation>有些文件无法加入对话的知识库，因此消息未发送：{problems}。请移除这些文件后重新发送。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Stopped; nothing was imported.</source>
        <translation>已停止，未导入任何内容。</translation>
    </message>
    <message>
        <source>Swagger 1.x documents are not supported: convert it to OpenAPI 3 (for example with the Swagger Editor) and import that; {supported} can be read.</source>
        <translation>不支持 Swagger 1.x 文档：请先将其转换为 OpenAPI 3（例如使用 Swagger Editor）再导入；可读取的格式为 {supported}。</translation>
    </message>
    <message>
        <source>Swagger {version} is not supported: convert the document to OpenAPI 3 (for example with the Swagger Editor) and import that; {supported} can be read.</source>
        <translation>不支持 Swagger {version}：请先将文档转换为 OpenAPI 3（例如使用 Swagger Editor）再导入；可读取的格式为 {supported}。</translation>
    </message>
    <message>
        <source>The $ref &apos;{ref}&apos; at {at} names an anchor, which is not supported: refer to the schema by its path instead (&apos;#/components/schemas/Name&apos;).</source>
        <translation>{at} 处的 $ref“{ref}”引用的是锚点，不受支持：请改用路径引用该模式（&apos;#/components/schemas/Name&apos;）。</translation>
    </message>
    <message>
        <source>The $ref &apos;{ref}&apos; at {at} points into another file or address: actions read one self-contained document and never fetch others. Bundle it into one file first (for example with `redocly bundle`) and import that.</source>
        <translation>{at} 处的 $ref“{ref}”指向另一个文件或地址：动作只读取一份自包含的文档，不会获取其他文档。请先将其打包成一个文件（例如使用 `redocly bundle`）再导入。</translation>
    </message>
    <message>
        <source>The $ref &apos;{ref}&apos; at {at} points to nothing in the document: fix the reference, or add the definition it names.</source>
        <translation>{at} 处的 $ref“{ref}”在文档中找不到目标：请修正引用，或补上它所指的定义。</translation>
    </message>
    <message>
        <source>The $ref at {at} goes round in a circle ({chain}): point it at the definition itself.</source>
        <translation>{at} 处的 $ref 形成了循环引用（{chain}）：请让它直接指向定义本身。</translation>
    </message>
    <message>
        <source>The $ref at {at} is not text: write it as &apos;#/components/…&apos;.</source>
        <translation>{at} 处的 $ref 不是文本：请写成 &apos;#/components/…&apos; 的形式。</translation>
    </message>
    <message>
        <source>The API key for &apos;{profile}&apos; is empty; nothing was saved.</source>
        <translation>“{profile}”的 API 密钥为空，未保存任何内容。</translation>
    </message>
    <message>
        <source>The GPT definition is not valid:
  {problems}</source>
        <translation>GPT 定义无效：
  {problems}</translation>
    </message>
    <message>
        <source>The GPT in this capsule is not valid here (nothing was imported):
  {problems}</source>
        <translation>此胶囊文件中的 GPT 在这里无效（未导入任何内容）：
  {problems}</translation>
    </message>
    <message>
        <source>The GPT read from {source} is not valid here (nothing was imported):
  {problems}</source>
        <translation>从 {source} 读取的 GPT 在这里无效（未导入任何内容）：
  {problems}</translation>
    </message>
    <message>
        <source>The Python session could not start ({reason}). Its last words:
{tail}</source>
        <translation>Python 会话无法启动（{reason}）。它最后的输出：
{tail}</translation>
    </message>
    <message>
        <source>The Python session could not start: {reason}</source>
        <translation>Python 会话无法启动：{reason}</translation>
    </message>
    <message>
        <source>The URL &apos;{url}&apos; has an invalid port.</source>
        <translation>网址“{url}”的端口无效。</translation>
    </message>
    <message>
        <source>The URL &apos;{url}&apos; has no valid host name.</source>
        <translation>网址“{url}”没有有效的主机名。</translation>
    </message>
    <message>
        <source>The URL contains a user name or password; fetch_url does not send credentials. Give the address without the &apos;user:password@&apos; part.</source>
        <translation>网址中含有用户名或密码；fetch_url 不会发送凭据。请去掉“user:password@”部分后再给出地址。</translation>
    </message>
    <message>
        <source>The URL contains control characters; remove them.</source>
        <translation>网址中含有控制字符；请删除它们。</translation>
    </message>
    <message>
        <source>The URL is longer than {most} characters; shorten it.</source>
        <translation>网址超过 {most} 个字符；请缩短。</translation>
    </message>
    <message>
        <source>The YAML alias *{name} at line {line} contains itself: a document cannot include itself. Remove the alias.</source>
        <translation>第 {line} 行的 YAML 别名 *{name} 包含了自身：文档不能包含自己。请删除该别名。</translation>
    </message>
    <message>
        <source>The YAML alias *{name} at line {line} names no anchor (&amp;{name}) above it: define the anchor first or remove the alias.</source>
        <translation>第 {line} 行的 YAML 别名 *{name} 在其上方没有对应的锚点（&amp;{name}）：请先定义锚点，或删除该别名。</translation>
    </message>
    <message>
        <source>The YAML merge key `&lt;&lt;` at line {line} must be followed by a mapping or a list of mappings.</source>
        <translation>第 {line} 行的 YAML 合并键 `&lt;&lt;` 后面必须是一个映射或映射列表。</translation>
    </message>
    <message>
        <source>The YAML tag {tag} at line {line} is not supported: remove it (an OpenAPI document needs only plain mappings, lists and values).</source>
        <translation>第 {line} 行的 YAML 标签 {tag} 不受支持：请将其删除（OpenAPI 文档只需要普通的映射、列表和值）。</translation>
    </message>
    <message>
        <source>The action document {digest} is larger than an action may be. Nothing was imported.</source>
        <translation>动作文档 {digest} 超出了动作允许的大小。未导入任何内容。</translation>
    </message>
    <message>
        <source>The action document {digest} is not UTF-8 text.</source>
        <translation>动作文档 {digest} 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>The action has no absolute server URL for {operation} (the document gives &apos;{relative}&apos;). Set the action&apos;s server.</source>
        <translation>动作没有 {operation} 的完整服务器 URL（文档给出的是“{relative}”）。请设置动作的服务器。</translation>
    </message>
    <message>
        <source>The action&apos;s API key has no parameter name; set one in the action&apos;s authentication settings.</source>
        <translation>动作的 API 密钥没有参数名；请在动作的认证设置中填写。</translation>
    </message>
    <message>
        <source>The action&apos;s OAuth2 auth has no token URL; set it in the action&apos;s authentication settings.</source>
        <translation>动作的 OAuth2 认证没有令牌 URL；请在动作的认证设置中填写。</translation>
    </message>
    <message>
        <source>The action&apos;s auth names no {role}; set it in the action&apos;s authentication settings.</source>
        <translation>动作的认证未指定{role}；请在动作的认证设置中填写。</translation>
    </message>
    <message>
        <source>The action&apos;s schema for {tool} is not usable ({reason}); re-import the action.</source>
        <translation>动作中 {tool} 的模式无法使用（{reason}）；请重新导入该动作。</translation>
    </message>
    <message>
        <source>The action&apos;s server &apos;{url}&apos; is not an http(s) URL with a host. Set the action&apos;s server.</source>
        <translation>动作的服务器“{url}”不是带主机名的 http(s) URL。请设置动作的服务器。</translation>
    </message>
    <message>
        <source>The answer from Brave Search has a `web` field that is not an object.</source>
        <translation>Brave Search 返回的 `web` 字段不是对象。</translation>
    </message>
    <message>
        <source>The answer from {host} is larger than {cap} bytes, the most an action may read; ask for less (a filter, a smaller page or fewer fields).</source>
        <translation>{host} 返回的内容超过 {cap} 字节，即动作可读取的上限；请减少请求的数据量（加筛选条件、缩小分页或减少字段）。</translation>
    </message>
    <message>
        <source>The answer from {host} is larger than {size} MB, the most web browsing reads at once. Look for a smaller page (one article rather than a whole archive or file).</source>
        <translation>{host} 返回的内容超过 {size} MB，这是网页浏览一次能读取的上限。请找一个更小的页面（单篇文章，而不是整个归档或文件）。</translation>
    </message>
    <message>
        <source>The answer from {provider} has no `{field}` list; it does not look like its search API. Check the search_url setting.</source>
        <translation>{provider} 返回的内容中没有 `{field}` 列表，看起来不是它的搜索 API。请检查 search_url 设置。</translation>
    </message>
    <message>
        <source>The answer says it is text but holds binary data; fetch_url cannot read it.</source>
        <translation>返回的内容声称是文本，实际却是二进制数据；fetch_url 无法读取。</translation>
    </message>
    <message>
        <source>The arguments for {tool} do not fit its schema; fix these and call it again:
- {problems}</source>
        <translation>{tool} 的参数不符合其模式；请修正以下问题后再调用：
- {problems}</translation>
    </message>
    <message>
        <source>The arguments must be a JSON object.</source>
        <translation>参数必须是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>The arguments of {tool} must be a JSON object.</source>
        <translation>{tool} 的参数必须是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>The builder proposed something the form cannot take: {problems}. Ask it again, or edit the form yourself.</source>
        <translation>创建助手提出的内容无法填入表单：{problems}。请让它重新提议，或自行编辑表单。</translation>
    </message>
    <message>
        <source>The builder&apos;s answer was cut off after {size} characters, before the proposal was complete. Give the model a larger context size, or ask for something shorter.</source>
        <translation>创建助手的回答在 {size} 个字符处被截断，建议尚未写完。请为模型设置更大的上下文长度，或换一个更简短的请求。</translation>
    </message>
    <message>
        <source>The capsule asks for scrypt {name}={value}, outside what this app accepts ({low} to {high}). Nothing was imported.</source>
        <translation>此胶囊文件要求 scrypt {name}={value}，超出了本应用接受的范围（{low} 到 {high}）。未导入任何内容。</translation>
    </message>
    <message>
        <source>The capsule does not say which format it is in.</source>
        <translation>此胶囊文件没有说明自己的格式。</translation>
    </message>
    <message>
        <source>The capsule holds no payload (it lacks {name}). Nothing was imported.</source>
        <translation>此胶囊文件没有内容（缺少 {name}）。未导入任何内容。</translation>
    </message>
    <message>
        <source>The capsule is badly signed: the contents changed after signing ({differences}). Nothing was imported: ask its author for a new copy.</source>
        <translation>此胶囊文件的签名无效：签名后内容被改动过（{differences}）。未导入任何内容：请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>The capsule is badly signed: the signature does not match its signer&apos;s key. Nothing was imported: ask its author for a new copy.</source>
        <translation>此胶囊文件的签名无效：签名与签名者的密钥不符。未导入任何内容：请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>The capsule is badly signed: the signature is malformed. Nothing was imported: ask its author for a new copy.</source>
        <translation>此胶囊文件的签名无效：签名格式有误。未导入任何内容：请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>The capsule says its header is private, yet holds one. Nothing was imported.</source>
        <translation>此胶囊文件声明其基本信息不公开，却又包含了公开的基本信息。未导入任何内容。</translation>
    </message>
    <message>
        <source>The capsule&apos;s encryption settings are damaged (not base64). Nothing was imported.</source>
        <translation>此胶囊文件的加密设置已损坏（不是 base64）。未导入任何内容。</translation>
    </message>
    <message>
        <source>The capsule&apos;s icon does not match its header. Nothing was imported.</source>
        <translation>此胶囊文件的图标与其公开的基本信息不符。未导入任何内容。</translation>
    </message>
    <message>
        <source>The capsule&apos;s manifest lists {path}, but the capsule does not hold it ({count} missing). Nothing was imported: ask for a complete copy.</source>
        <translation>此胶囊文件的清单列出了 {path}，但文件中并没有它（共缺少 {count} 个）。未导入任何内容：请索取完整的副本。</translation>
    </message>
    <message>
        <source>The capsule&apos;s manifest needs {path}, but does not list it. Nothing was imported: ask for a complete copy.</source>
        <translation>此胶囊文件的清单需要 {path}，却没有列出它。未导入任何内容：请索取完整的副本。</translation>
    </message>
    <message>
        <source>The capsule&apos;s payload has no manifest.json.</source>
        <translation>此胶囊文件的内容中没有 manifest.json。</translation>
    </message>
    <message>
        <source>The capsule&apos;s public header (header.json) is missing.</source>
        <translation>此胶囊文件缺少公开的基本信息（header.json）。</translation>
    </message>
    <message>
        <source>The capsule&apos;s public header differs from the one inside it: it was changed after export. Nothing was imported.</source>
        <translation>此胶囊文件公开的基本信息与内部的那份不一致：导出后被改动过。未导入任何内容。</translation>
    </message>
    <message>
        <source>The code interpreter is off on this computer. Nothing on this computer can keep code a GPT runs away from your files: it could read your home folder, your SSH keys and the app&apos;s conversations and settings, and change them (a changed settings file can send your API keys elsewhere). Such code can come from a shared capsule&apos;s instructions or documents, not only from you. Turn it on only if you accept that, in the code interpreter&apos;s sandbox settings.</source>
        <translation>代码解释器在这台电脑上已关闭。这台电脑上没有任何机制能把 GPT 运行的代码与你的文件隔离开：这些代码可以读取你的主文件夹、SSH 密钥以及本应用的对话和设置，并能修改它们（被改动的设置文件可能把你的 API 密钥发往别处）。这类代码不一定出自你手，也可能来自分享的胶囊文件中的指令或文档。只有在你接受这些风险时，才在代码解释器的沙箱设置中将其打开。</translation>
    </message>
    <message>
        <source>The connection to {host} broke before the answer was complete ({problem}); try again.</source>
        <translation>与 {host} 的连接在回复完整之前中断了（{problem}）；请重试。</translation>
    </message>
    <message>
        <source>The connection to {label} dropped after 1 character of the answer: try again.</source>
        <translation>收到 1 个字符的回答后，与 {label} 的连接中断：请重试。</translation>
    </message>
    <message>
        <source>The connection to {label} dropped after {count} characters of the answer: try again.</source>
        <translation>收到 {count} 个字符的回答后，与 {label} 的连接中断：请重试。</translation>
    </message>
    <message>
        <source>The conversation file is damaged: {problems}</source>
        <translation>对话文件已损坏：{problems}</translation>
    </message>
    <message>
        <source>The conversation is too long for &apos;{model}&apos; at {label}: start a new thread, or set the profile&apos;s context size to the model&apos;s real window.</source>
        <translation>对话太长，超出了 {label} 上“{model}”的处理范围：请开始新对话，或把该服务商配置的上下文长度设为模型的实际窗口大小。</translation>
    </message>
    <message>
        <source>The conversation is too long for &apos;{model}&apos; at {label}: start a new thread, or set the profile&apos;s context size to the model&apos;s real window. The server said: {detail}</source>
        <translation>对话太长，超出了 {label} 上“{model}”的处理范围：请开始新对话，或把该服务商配置的上下文长度设为模型的实际窗口大小。服务器说明：{detail}</translation>
    </message>
    <message>
        <source>The conversation was exported by a newer Capsule Studio (format {version}); update Capsule Studio to read it.</source>
        <translation>此对话由更新版本的 Capsule Studio 导出（格式 {version}）；请更新 Capsule Studio 后再打开。</translation>
    </message>
    <message>
        <source>The database {path} is locked by another program (another Capsule Studio window or a `capsule` command still running?). Close it and try again.</source>
        <translation>数据库 {path} 已被其他程序锁定（可能是另一个 Capsule Studio 窗口，或仍在运行的 `capsule` 命令）。请关闭它后重试。</translation>
    </message>
    <message>
        <source>The default &apos;{default}&apos; of the server variable &apos;{name}&apos; at {at} is not one of its `enum` values ({choices}): make the default one of them.</source>
        <translation>{at} 处服务器变量“{name}”的默认值“{default}”不在其 `enum` 取值（{choices}）之中：请把默认值设为其中之一。</translation>
    </message>
    <message>
        <source>The disk filled up while downloading {name}. Free some space and run the download again.</source>
        <translation>下载 {name} 时磁盘已满。请清理一些空间后重新下载。</translation>
    </message>
    <message>
        <source>The document describes only webhooks (requests the API sends to you), which an assistant cannot call: an action needs at least one path with a method (such as get or post).</source>
        <translation>该文档只描述了 Webhook（API 主动发给你的请求），助手无法调用：动作至少需要一个带方法（如 get 或 post）的路径。</translation>
    </message>
    <message>
        <source>The document has no `openapi` or `swagger` key, so it is not an OpenAPI document: if it is one, add `openapi: 3.1.0` (or the version it follows) at the top.</source>
        <translation>该文档没有 `openapi` 或 `swagger` 键，因此不是 OpenAPI 文档：如果它确实是，请在开头加上 `openapi: 3.1.0`（或它所遵循的版本）。</translation>
    </message>
    <message>
        <source>The document has no operations: an action needs at least one path with a method (such as get or post).</source>
        <translation>该文档没有任何操作：动作至少需要一个带方法（如 get 或 post）的路径。</translation>
    </message>
    <message>
        <source>The document has no usable operations: {label}: {reason} (and {count} more).</source>
        <translation>该文档没有可用的操作：{label}：{reason}（另有 {count} 处）。</translation>
    </message>
    <message>
        <source>The document has no usable operations: {label}: {reason}.</source>
        <translation>该文档没有可用的操作：{label}：{reason}。</translation>
    </message>
    <message>
        <source>The document is empty (only comments?): paste an OpenAPI document, or import it from a file or an address.</source>
        <translation>文档为空（只有注释？）：请粘贴 OpenAPI 文档，或从文件或网址导入。</translation>
    </message>
    <message>
        <source>The document is empty: paste an OpenAPI document (JSON or YAML), or import it from a file or an address.</source>
        <translation>文档为空：请粘贴 OpenAPI 文档（JSON 或 YAML），或从文件或网址导入。</translation>
    </message>
    <message>
        <source>The document is nested more than {depth} levels deep at line {line}: no API description needs that; check the file.</source>
        <translation>文档在第 {line} 行的嵌套超过 {depth} 层：任何 API 描述都不需要这么深；请检查文件。</translation>
    </message>
    <message>
        <source>The document is nested too deeply to read (hundreds of levels): no API description needs that; check the file.</source>
        <translation>文档嵌套过深（数百层），无法读取：任何 API 描述都不需要这么深；请检查文件。</translation>
    </message>
    <message>
        <source>The document is not valid JSON: {problem} at line {line}, column {column}. Fix the text there (a missing comma, quote or bracket is the usual cause).</source>
        <translation>文档不是有效的 JSON：第 {line} 行第 {column} 列，{problem}。请修正该处文本（通常是缺少逗号、引号或括号）。</translation>
    </message>
    <message>
        <source>The document is not valid YAML: {problem} ({context} at line {context_line}). Fix the text there: YAML indents with spaces (not tabs), and text containing &apos;: &apos; or &apos; #&apos; needs quotes.</source>
        <translation>文档不是有效的 YAML：{problem}（第 {context_line} 行，{context}）。请修正该处文本：YAML 用空格缩进（不能用制表符），含有 &apos;: &apos; 或 &apos; #&apos; 的文本需要加引号。</translation>
    </message>
    <message>
        <source>The document is not valid YAML: {problem} at line {line}, column {column} ({context} at line {context_line}). Fix the text there: YAML indents with spaces (not tabs), and text containing &apos;: &apos; or &apos; #&apos; needs quotes.</source>
        <translation>文档不是有效的 YAML：第 {line} 行第 {column} 列，{problem}（第 {context_line} 行，{context}）。请修正该处文本：YAML 用空格缩进（不能用制表符），含有 &apos;: &apos; 或 &apos; #&apos; 的文本需要加引号。</translation>
    </message>
    <message>
        <source>The document is not valid YAML: {problem} at line {line}, column {column}. Fix the text there: YAML indents with spaces (not tabs), and text containing &apos;: &apos; or &apos; #&apos; needs quotes.</source>
        <translation>文档不是有效的 YAML：第 {line} 行第 {column} 列，{problem}。请修正该处文本：YAML 用空格缩进（不能用制表符），含有 &apos;: &apos; 或 &apos; #&apos; 的文本需要加引号。</translation>
    </message>
    <message>
        <source>The document is not valid YAML: {problem}. Fix the text there: YAML indents with spaces (not tabs), and text containing &apos;: &apos; or &apos; #&apos; needs quotes.</source>
        <translation>文档不是有效的 YAML：{problem}。请修正该处文本：YAML 用空格缩进（不能用制表符），含有 &apos;: &apos; 或 &apos; #&apos; 的文本需要加引号。</translation>
    </message>
    <message>
        <source>The document is not valid YAML: {reason}.</source>
        <translation>文档不是有效的 YAML：{reason}。</translation>
    </message>
    <message>
        <source>The document&apos;s 1 webhook describe requests the API sends, not operations to call; they are ignored.</source>
        <translation>文档中的 1 个 Webhook 描述的是 API 主动发出的请求，而不是可调用的操作；已忽略。</translation>
    </message>
    <message>
        <source>The document&apos;s YAML aliases (*name) would expand it past {limit} values at line {line}: this looks like an alias bomb. Remove the aliases or write the parts out.</source>
        <translation>文档的 YAML 别名（*name）在第 {line} 行会展开出超过 {limit} 个值：这看起来像是别名炸弹。请删除这些别名，或把相应内容直接写出来。</translation>
    </message>
    <message>
        <source>The document&apos;s server &apos;{url}&apos; is not an http(s) URL with a host. Set the action&apos;s server.</source>
        <translation>文档中的服务器“{url}”不是带主机名的 http(s) URL。请设置动作的服务器。</translation>
    </message>
    <message>
        <source>The document&apos;s {count} webhooks describe requests the API sends, not operations to call; they are ignored.</source>
        <translation>文档中的 {count} 个 Webhook 描述的是 API 主动发出的请求，而不是可调用的操作；已忽略。</translation>
    </message>
    <message>
        <source>The downloaded {name} does not match the hub&apos;s checksum (expected {expected}, got {found}). The file was removed: run the download again. If it fails again, the file on the hub or a proxy in between is damaged.</source>
        <translation>下载的 {name} 与模型仓库的校验值不符（应为 {expected}，实际为 {found}）。该文件已删除：请重新下载。如果再次失败，说明仓库中的文件或中间的代理已损坏。</translation>
    </message>
    <message>
        <source>The embedding model &apos;{model}&apos; cannot be used here ({reason}); the knowledge is indexed for keyword search. Choose an embedding model and rebuild it to search by meaning too.</source>
        <translation>嵌入模型“{model}”在这里无法使用（{reason}）；知识库已按关键词搜索建立索引。请选择一个嵌入模型并重建索引，以便也能按语义搜索。</translation>
    </message>
    <message>
        <source>The embedding model failed: {reason}</source>
        <translation>嵌入模型出错：{reason}</translation>
    </message>
    <message>
        <source>The encrypted payload is too short to be one. Nothing was imported: copy the capsule again.</source>
        <translation>加密内容太短，不可能完整。未导入任何内容：请重新复制该胶囊文件。</translation>
    </message>
    <message>
        <source>The file is not JSON ({reason}).</source>
        <translation>此文件不是 JSON（{reason}）。</translation>
    </message>
    <message>
        <source>The file is not a Capsule Studio conversation: export one from the chat.</source>
        <translation>此文件不是 Capsule Studio 的对话：请在聊天中导出对话。</translation>
    </message>
    <message>
        <source>The image could not be generated: {reason}</source>
        <translation>无法生成图像：{reason}</translation>
    </message>
    <message>
        <source>The image server answered without an image: try again.</source>
        <translation>图像服务器的回复中没有图像：请重试。</translation>
    </message>
    <message>
        <source>The included index is not used: {why}; the files are indexed again.</source>
        <translation>未使用随附的索引：{why}；文件会重新建立索引。</translation>
    </message>
    <message>
        <source>The index file cannot be read: {reason}</source>
        <translation>无法读取索引文件：{reason}</translation>
    </message>
    <message>
        <source>The index file&apos;s columns differ from the ones this version uses.</source>
        <translation>索引文件的列与当前版本使用的不一致。</translation>
    </message>
    <message>
        <source>The index holds chunks of files that are no longer in the knowledge; rebuild the knowledge, then export again.</source>
        <translation>索引中含有已不在知识库中的文件片段；请重建知识库后再导出。</translation>
    </message>
    <message>
        <source>The keyring could not delete the secret &apos;{name}&apos;: {reason}. Check that your keyring app is running and unlocked.</source>
        <translation>系统钥匙串无法删除密钥“{name}”：{reason}。请检查钥匙串应用是否正在运行且已解锁。</translation>
    </message>
    <message>
        <source>The keyring could not read the secret &apos;{name}&apos;: {reason}. Check that your keyring app is running and unlocked.</source>
        <translation>系统钥匙串无法读取密钥“{name}”：{reason}。请检查钥匙串应用是否正在运行且已解锁。</translation>
    </message>
    <message>
        <source>The keyring could not store the secret &apos;{name}&apos;: {reason}. Check that your keyring app is running and unlocked.</source>
        <translation>系统钥匙串无法保存密钥“{name}”：{reason}。请检查钥匙串应用是否正在运行且已解锁。</translation>
    </message>
    <message>
        <source>The keyring has no secret &apos;{name}&apos; ({role} of this action). Set it in the action&apos;s authentication settings, then try again.</source>
        <translation>系统钥匙串中没有密钥“{name}”（此动作的{role}）。请在动作的认证设置中填写，然后重试。</translation>
    </message>
    <message>
        <source>The keyring has no secret named &apos;{name}&apos;. Set it again where it is used (a provider&apos;s API key, an action&apos;s or a search service&apos;s key).</source>
        <translation>系统钥匙串中没有名为“{name}”的密钥。请在使用它的地方重新设置（服务商的 API 密钥、动作的密钥或搜索服务的密钥）。</translation>
    </message>
    <message>
        <source>The keyring is locked, so the secret &apos;{name}&apos; could not be deleted. Unlock it (log in to your desktop session or open your keyring app) and try again.</source>
        <translation>系统钥匙串已锁定，无法删除密钥“{name}”。请解锁钥匙串（登录桌面会话或打开钥匙串应用）后重试。</translation>
    </message>
    <message>
        <source>The keyring is locked, so the secret &apos;{name}&apos; could not be read. Unlock it (log in to your desktop session or open your keyring app) and try again.</source>
        <translation>系统钥匙串已锁定，无法读取密钥“{name}”。请解锁钥匙串（登录桌面会话或打开钥匙串应用）后重试。</translation>
    </message>
    <message>
        <source>The keyring is locked, so the secret &apos;{name}&apos; could not be stored. Unlock it (log in to your desktop session or open your keyring app) and try again.</source>
        <translation>系统钥匙串已锁定，无法保存密钥“{name}”。请解锁钥匙串（登录桌面会话或打开钥匙串应用）后重试。</translation>
    </message>
    <message>
        <source>The local model host failed: {reason}. Try again; if it keeps happening, report it with the log file.</source>
        <translation>本地模型进程出错：{reason}。请重试；如果反复出现，请附上日志文件报告此问题。</translation>
    </message>
    <message>
        <source>The manifest says format {manifest}, its descriptor {descriptor}: the capsule&apos;s parts do not belong together.</source>
        <translation>清单标明的格式是 {manifest}，描述文件标明的是 {descriptor}：此胶囊文件的各部分并不匹配。</translation>
    </message>
    <message>
        <source>The message is empty: type something to send.</source>
        <translation>消息为空：请输入内容后再发送。</translation>
    </message>
    <message>
        <source>The model catalog {path} is missing.</source>
        <translation>模型目录 {path} 不存在。</translation>
    </message>
    <message>
        <source>The model catalog {path} is not valid JSON (line {line}: {reason}).</source>
        <translation>模型目录 {path} 不是有效的 JSON（第 {line} 行：{reason}）。</translation>
    </message>
    <message>
        <source>The model catalog {path} is not valid:
  {problems}</source>
        <translation>模型目录 {path} 无效：
  {problems}</translation>
    </message>
    <message>
        <source>The model kept calling tools for {rounds} rounds without answering; the run was stopped. Rephrase the request or check the tools&apos; outputs.</source>
        <translation>模型连续 {rounds} 轮调用工具却没有给出回答，运行已停止。请换一种方式提问，或检查工具的输出。</translation>
    </message>
    <message>
        <source>The model&apos;s answer is not a proposal the builder can read: it is not JSON ({reason} at character {position}). Ask again, or choose a larger model for the builder.</source>
        <translation>模型的回答不是创建助手能读取的建议：它不是 JSON（第 {position} 个字符处：{reason}）。请再问一次，或为创建助手选择更大的模型。</translation>
    </message>
    <message>
        <source>The model&apos;s answer is not a proposal the builder can read: the answer: {reason}. Ask again, or choose a larger model for the builder.</source>
        <translation>模型的回答不是创建助手能读取的建议：{reason}。请再问一次，或为创建助手选择更大的模型。</translation>
    </message>
    <message>
        <source>The model&apos;s answer is not a proposal the builder can read: {where}: {reason}. Ask again, or choose a larger model for the builder.</source>
        <translation>模型的回答不是创建助手能读取的建议：{where}：{reason}。请再问一次，或为创建助手选择更大的模型。</translation>
    </message>
    <message>
        <source>The model&apos;s chat template could not render this conversation: {reason}. Pick another model, or start a new thread.</source>
        <translation>模型的对话模板无法处理这段对话：{reason}。请换一个模型，或开始新对话。</translation>
    </message>
    <message>
        <source>The operationId &apos;{operation_id}&apos; is used twice, at {first} and at {where}: every operation needs its own. Rename one of them.</source>
        <translation>operationId“{operation_id}”被使用了两次，分别在 {first} 和 {where}：每个操作都需要自己的 operationId。请重命名其中一个。</translation>
    </message>
    <message>
        <source>The original of {name} is gone; add the file to the knowledge again.</source>
        <translation>{name} 的原始文件已丢失；请重新把该文件添加到知识库。</translation>
    </message>
    <message>
        <source>The password for {name} is not right. Check it (capital letters count) and enter it again.</source>
        <translation>{name} 的密码不正确。请检查（区分大小写）后重新输入。</translation>
    </message>
    <message>
        <source>The password is empty: give one, or export without.</source>
        <translation>密码为空：请输入密码，或选择不加密导出。</translation>
    </message>
    <message>
        <source>The password is right, but the encrypted payload was changed after export (its authentication tag does not match). Nothing was imported: ask for a new copy.</source>
        <translation>密码正确，但加密内容在导出后被改动过（认证标签不符）。未导入任何内容：请索取新的副本。</translation>
    </message>
    <message>
        <source>The password is wrong: it does not open this capsule. Check it (capitals, spaces) and try again.</source>
        <translation>密码错误，无法打开此胶囊文件。请检查密码（大小写、空格）后重试。</translation>
    </message>
    <message>
        <source>The path &apos;{path}&apos; ({at}) should start with &apos;/&apos;; one is added.</source>
        <translation>路径“{path}”（{at}）应以“/”开头；已自动补上。</translation>
    </message>
    <message>
        <source>The process that reads files could not start ({reason}). Restart Capsule Studio; if this keeps happening, reinstall it.</source>
        <translation>读取文件的进程无法启动（{reason}）。请重启 Capsule Studio；如果问题反复出现，请重新安装。</translation>
    </message>
    <message>
        <source>The process that runs local models could not start ({reason}). Restart Capsule Studio; if this keeps happening, reinstall it.</source>
        <translation>运行本地模型的进程无法启动（{reason}）。请重启 Capsule Studio；如果反复出现，请重新安装。</translation>
    </message>
    <message>
        <source>The prompt is {length} characters long; shorten it to at most {most} and call {tool} again.</source>
        <translation>提示词长 {length} 个字符；请缩短到最多 {most} 个字符，然后再次调用 {tool}。</translation>
    </message>
    <message>
        <source>The prompt is {tokens} tokens; the context holds {window}. Shorten the conversation or raise the GPT&apos;s context size.</source>
        <translation>提示内容有 {tokens} 个 token，而上下文只能容纳 {window} 个。请缩短对话，或调大 GPT 的上下文长度。</translation>
    </message>
    <message>
        <source>The prompt needs about {tokens} tokens, more than the model&apos;s context leaves room for, even with the conversation history dropped. Shorten the message or the instructions, or raise the GPT&apos;s context size.</source>
        <translation>即使去掉对话历史，提示仍需要约 {tokens} 个 token，超出了模型上下文的剩余空间。请缩短消息或指令，或调大 GPT 的上下文长度。</translation>
    </message>
    <message>
        <source>The provider profile &apos;{name}&apos; was not added: {reason}</source>
        <translation>未添加服务商配置“{name}”：{reason}</translation>
    </message>
    <message>
        <source>The query is longer than {most} characters; use fewer words.</source>
        <translation>查询超过 {most} 个字符；请减少用词。</translation>
    </message>
    <message>
        <source>The reader stopped unexpectedly on {name} ({reason}). This happens with damaged files and with files that need more than {memory} MB of memory: open it in the program that made it, save a copy, and add the copy.</source>
        <translation>读取 {name} 时读取程序意外停止（{reason}）。文件损坏或需要超过 {memory} MB 内存时会出现这种情况：请用创建它的程序打开，另存一份副本，然后添加副本。</translation>
    </message>
    <message>
        <source>The reranker failed: {reason}</source>
        <translation>重排序模型出错：{reason}</translation>
    </message>
    <message>
        <source>The run was stopped before the image was made.</source>
        <translation>图像生成之前运行已被停止。</translation>
    </message>
    <message>
        <source>The secret &apos;{name}&apos; is empty; nothing was stored.</source>
        <translation>密钥“{name}”为空，未保存任何内容。</translation>
    </message>
    <message>
        <source>The secure connection to {host} failed (TLS error): its certificate is not trusted, or it does not speak HTTPS. Tell the user, or use another source.</source>
        <translation>与 {host} 的安全连接失败（TLS 错误）：它的证书不受信任，或它不支持 HTTPS。请告知用户，或换用其他来源。</translation>
    </message>
    <message>
        <source>The secure connection to {host} failed ({detail}): its certificate is not trusted or the server does not speak HTTPS. Check the action&apos;s server URL.</source>
        <translation>与 {host} 的安全连接失败（{detail}）：其证书不受信任，或该服务器不支持 HTTPS。请检查动作的服务器 URL。</translation>
    </message>
    <message>
        <source>The secure connection to {host} failed ({detail}): its certificate is not trusted, or it does not speak HTTPS. Tell the user, or use another source.</source>
        <translation>与 {host} 的安全连接失败（{detail}）：它的证书不受信任，或它不支持 HTTPS。请告知用户，或换用其他来源。</translation>
    </message>
    <message>
        <source>The security scheme at {at} has no `type`; it is ignored.</source>
        <translation>{at} 处的安全方案没有 `type`；已忽略。</translation>
    </message>
    <message>
        <source>The server at {where} has no `url`; it is ignored.</source>
        <translation>{where} 处的服务器没有 `url`；已忽略。</translation>
    </message>
    <message>
        <source>The server variable &apos;{name}&apos; at {at} has an empty `enum`: list its allowed values, or remove `enum`.</source>
        <translation>{at} 处的服务器变量“{name}”的 `enum` 为空：请列出允许的取值，或删除 `enum`。</translation>
    </message>
    <message>
        <source>The server variable &apos;{name}&apos; at {at} has no default.</source>
        <translation>{at} 处的服务器变量“{name}”没有默认值。</translation>
    </message>
    <message>
        <source>The server variable &apos;{name}&apos; at {at} has no default; its first value is used.</source>
        <translation>{at} 处的服务器变量“{name}”没有默认值；将使用它的第一个取值。</translation>
    </message>
    <message>
        <source>The server variable &apos;{name}&apos; at {at} is not an object; it is ignored.</source>
        <translation>{at} 处的服务器变量“{name}”不是对象；已忽略。</translation>
    </message>
    <message>
        <source>The server {url} at {where} uses {{{name}}}, which has no variable with a default; the server is ignored.</source>
        <translation>{where} 处的服务器 {url} 使用了 {{{name}}}，但没有带默认值的对应变量；已忽略该服务器。</translation>
    </message>
    <message>
        <source>The signing key in the keyring (&apos;{name}&apos;) is damaged. Delete that entry to make a new key (capsules signed with the old one stay valid).</source>
        <translation>系统钥匙串中的签名密钥（“{name}”）已损坏。删除该条目即可生成新密钥（用旧密钥签名的胶囊文件仍然有效）。</translation>
    </message>
    <message>
        <source>The stored copy behind {member} is damaged (its content no longer matches its hash). Remove that file from the GPT and add it again.</source>
        <translation>{member} 对应的存储副本已损坏（内容与哈希值不再一致）。请从 GPT 中移除该文件后重新添加。</translation>
    </message>
    <message>
        <source>The stored copy of {name} is missing, so the GPT cannot be exported with it. Remove the file from its knowledge and add it again.</source>
        <translation>{name} 的存储副本丢失，因此无法连同它导出 GPT。请从知识库中移除该文件后重新添加。</translation>
    </message>
    <message>
        <source>The text holds more than one YAML document (a second one starts at line {line}): import one document at a time.</source>
        <translation>文本中包含多个 YAML 文档（第二个从第 {line} 行开始）：请一次只导入一个文档。</translation>
    </message>
    <message>
        <source>The text is too large to import (more than {size}; the limit is {limit}): use a smaller document, for example one with only the operations the assistant needs.</source>
        <translation>文本太大，无法导入（超过 {size}，上限为 {limit}）：请使用更小的文档，例如只保留助手需要的操作。</translation>
    </message>
    <message>
        <source>The thread has no file {name}.</source>
        <translation>此对话中没有文件 {name}。</translation>
    </message>
    <message>
        <source>The token endpoint {host} did not answer with a bearer access_token; check the action&apos;s token URL.</source>
        <translation>令牌端点 {host} 没有返回 bearer 类型的 access_token；请检查动作的令牌 URL。</translation>
    </message>
    <message>
        <source>The token endpoint {host} refused the client credentials ({reason}). Check the client id and secret in the action&apos;s authentication settings.</source>
        <translation>令牌端点 {host} 拒绝了客户端凭据（{reason}）。请在动作的认证设置中检查客户端 ID 和密钥。</translation>
    </message>
    <message>
        <source>The {provider} API key is empty. Ask the user to store it again in the web browsing settings.</source>
        <translation>{provider} 的 API 密钥为空。请让用户在网页浏览设置中重新保存。</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>These run settings are not valid: {problems}</source>
        <translation>这些运行设置无效：{problems}</translation>
    </message>
    <message>
        <source>This Character Card&apos;s spec is &apos;{spec}&apos;; only {specs} are read.</source>
        <translation>此角色卡的规范是“{spec}”；仅支持读取 {specs}。</translation>
    </message>
    <message>
        <source>This GPT has no reranker set: choose a reranker model in its knowledge settings first.</source>
        <translation>此 GPT 尚未设置重排序模型：请先在它的知识库设置中选择一个重排序模型。</translation>
    </message>
    <message>
        <source>This GPT has no tool named &apos;{wanted}&apos;; choose one of its tools (none), or auto, none or required.</source>
        <translation>此 GPT 没有名为“{wanted}”的工具；请选择它的某个工具（目前没有），或 auto、none、required。</translation>
    </message>
    <message>
        <source>This GPT has no tool named &apos;{wanted}&apos;; choose one of its tools ({known}), or auto, none or required.</source>
        <translation>此 GPT 没有名为“{wanted}”的工具；请选择它的某个工具（{known}），或 auto、none、required。</translation>
    </message>
    <message>
        <source>This JSON is in no format Capsule Studio reads. It reads capsules, OpenAI Assistants, GPT configurations and prompts, Open WebUI models, LobeHub agents, and Character Cards V2/V3 (JSON or PNG).</source>
        <translation>此 JSON 不是 Capsule Studio 能读取的格式。支持的格式有：胶囊文件、OpenAI Assistant、GPT 配置和提示词、Open WebUI 模型、LobeHub 助手，以及 Character Card V2/V3 角色卡（JSON 或 PNG）。</translation>
    </message>
    <message>
        <source>This PNG cannot be read: {reason}.</source>
        <translation>无法读取此 PNG：{reason}。</translation>
    </message>
    <message>
        <source>This PNG carries no character card (no &apos;chara&apos; or &apos;ccv3&apos; text chunk).</source>
        <translation>此 PNG 中没有角色卡（没有“chara”或“ccv3”文本块）。</translation>
    </message>
    <message>
        <source>This PNG&apos;s character card (&apos;{chunk}&apos; chunk) is not base64 JSON.</source>
        <translation>此 PNG 中的角色卡（“{chunk}”块）不是 base64 编码的 JSON。</translation>
    </message>
    <message>
        <source>This capsule is encrypted: give its password to open it.</source>
        <translation>此胶囊文件已加密：请输入密码打开。</translation>
    </message>
    <message>
        <source>This capsule was made by Capsule Studio {made} in format {version}; this version ({app}) reads format {format} and older. Update Capsule Studio to {needs} or later to import it.</source>
        <translation>此胶囊文件由 Capsule Studio {made} 以格式 {version} 制作；当前版本（{app}）只能读取格式 {format} 及更早的格式。请将 Capsule Studio 更新到 {needs} 或更高版本后再导入。</translation>
    </message>
    <message>
        <source>This capsule&apos;s contents are not what its format says (nothing was imported):
  {problems}</source>
        <translation>此胶囊文件的内容与其格式不符（未导入任何内容）：
  {problems}</translation>
    </message>
    <message>
        <source>This file holds {count} assistants or models ({names}); import one at a time: save each on its own.</source>
        <translation>此文件包含 {count} 个助手或模型（{names}）；请一次导入一个：把每个单独保存成文件。</translation>
    </message>
    <message>
        <source>This file is being indexed by another window or command right now; try again once that has finished.</source>
        <translation>另一个窗口或命令正在索引此文件；请等它完成后再试。</translation>
    </message>
    <message>
        <source>This file is damaged or incomplete (not a complete zip archive: {reason}). Nothing was imported: copy or download it again.</source>
        <translation>此文件已损坏或不完整（不是完整的 zip 压缩包：{reason}）。未导入任何内容：请重新复制或下载。</translation>
    </message>
    <message>
        <source>This file is damaged or incomplete ({name} is longer than it says). Nothing was imported: copy or download it again.</source>
        <translation>此文件已损坏或不完整（{name} 比声明的长）。未导入任何内容：请重新复制或下载。</translation>
    </message>
    <message>
        <source>This file is damaged or incomplete ({name} is not the size it says). Nothing was imported: copy or download it again.</source>
        <translation>此文件已损坏或不完整（{name} 的大小与声明的不符）。未导入任何内容：请重新复制或下载。</translation>
    </message>
    <message>
        <source>This file is damaged or incomplete ({name} is not valid JSON: {reason}). Nothing was imported: copy or download it again.</source>
        <translation>此文件已损坏或不完整（{name} 不是有效的 JSON：{reason}）。未导入任何内容：请重新复制或下载。</translation>
    </message>
    <message>
        <source>This file is damaged or incomplete ({name} is shorter than it says). Nothing was imported: copy or download it again.</source>
        <translation>此文件已损坏或不完整（{name} 比声明的短）。未导入任何内容：请重新复制或下载。</translation>
    </message>
    <message>
        <source>This file is damaged or incomplete ({name}: {reason}). Nothing was imported: copy or download it again.</source>
        <translation>此文件已损坏或不完整（{name}：{reason}）。未导入任何内容：请重新复制或下载。</translation>
    </message>
    <message>
        <source>This file looks like a Character Card, but it is malformed (nothing was imported):
  {problems}</source>
        <translation>此文件看起来是角色卡，但格式有误（未导入任何内容）：
  {problems}</translation>
    </message>
    <message>
        <source>This file looks like a LobeHub agent, but it is malformed (nothing was imported):
  {problems}</source>
        <translation>此文件看起来是 LobeHub 助手，但格式有误（未导入任何内容）：
  {problems}</translation>
    </message>
    <message>
        <source>This file looks like an Open WebUI model, but it is malformed (nothing was imported):
  {problems}</source>
        <translation>此文件看起来是 Open WebUI 模型，但格式有误（未导入任何内容）：
  {problems}</translation>
    </message>
    <message>
        <source>This file looks like an OpenAI Assistant, but it is malformed (nothing was imported):
  {problems}</source>
        <translation>此文件看起来是 OpenAI Assistant，但格式有误（未导入任何内容）：
  {problems}</translation>
    </message>
    <message>
        <source>This file looks like an OpenAI GPT configuration, but it is malformed (nothing was imported):
  {problems}</source>
        <translation>此文件看起来是 OpenAI GPT 配置，但格式有误（未导入任何内容）：
  {problems}</translation>
    </message>
    <message>
        <source>This file looks like an OpenAI prompt, but it is malformed (nothing was imported):
  {problems}</source>
        <translation>此文件看起来是 OpenAI 提示词，但格式有误（未导入任何内容）：
  {problems}</translation>
    </message>
    <message>
        <source>This file looks like {label}, but it is malformed (nothing was imported):
  {problems}</source>
        <translation>此文件看起来是 {label}，但格式有误（未导入任何内容）：
  {problems}</translation>
    </message>
    <message>
        <source>This file was refused: it holds {count} files, and a capsule may hold {most}. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：其中有 {count} 个文件，而胶囊文件最多只能包含 {most} 个。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: it holds {name}, which is no part of a capsule. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：其中的 {name} 不属于胶囊文件。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: it holds {path}, which its manifest does not list. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：其中的 {path} 未列在清单中。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: it unpacks to more than {size}, the most an import takes. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：解压后超过 {size}，这是导入所能接受的上限。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: the avatar names a file that is not one. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：头像指向的文件并不是头像。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: the manifest lists a file twice. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：清单中同一个文件出现了两次。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: the name {name} appears twice. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：名称 {name} 出现了两次。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: the name {name} has an empty or &apos;.&apos; part. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：名称 {name} 中含有空的或为“.”的路径部分。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: the name {name} holds a backslash or a NUL character. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：名称 {name} 中含有反斜杠或 NUL 字符。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: two knowledge files have the same id. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：知识库中有两个文件的 ID 相同。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: two knowledge files have the same name. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：知识库中有两个文件同名。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: {name} is a device file, and only plain files are accepted. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：{name} 是设备文件，只接受普通文件。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: {name} is a folder entry, and only plain files are accepted. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：{name} 是文件夹条目，只接受普通文件。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: {name} is a pipe, and only plain files are accepted. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：{name} 是管道，只接受普通文件。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: {name} is a socket, and only plain files are accepted. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：{name} 是套接字，只接受普通文件。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: {name} is a symbolic link, and only plain files are accepted. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：{name} 是符号链接，只接受普通文件。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: {name} is an absolute path. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：{name} 是绝对路径。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: {name} is compressed {ratio} times (a zip bomb?); at most {most} is accepted. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：{name} 的压缩比为 {ratio} 倍（可能是 zip 炸弹），最多只接受 {most} 倍。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: {name} is encrypted by zip itself. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：{name} 使用了 zip 自带的加密。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: {name} is {size}; at most {most} is accepted. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：{name} 大小为 {size}，最多只接受 {most}。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: {name} points outside the capsule (path traversal). Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：{name} 指向胶囊文件之外（路径穿越）。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: {name} unpacks to {size}, more than the {most} one file may have. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：{name} 解压后为 {size}，超过了单个文件上限 {most}。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: {name} uses a compression method this app does not write. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：{name} 使用了本应用不会采用的压缩方式。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: {path} is listed as {role}, which it cannot be. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：{path} 被标为 {role}，但它不可能是。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This file was refused: {path} is listed under another file&apos;s hash. Nothing was imported. Ask its author for a new copy.</source>
        <translation>已拒绝此文件：{path} 登记的是另一个文件的哈希值。未导入任何内容。请向作者索取新的副本。</translation>
    </message>
    <message>
        <source>This is HTML or XML (a web page?), not an OpenAPI document: use the address of the raw JSON or YAML file, often linked as &apos;Download&apos; or &apos;openapi.json&apos;.</source>
        <translation>这是 HTML 或 XML（一个网页？），不是 OpenAPI 文档：请使用原始 JSON 或 YAML 文件的地址，通常是名为“Download”或“openapi.json”的链接。</translation>
    </message>
    <message>
        <source>This is not an OpenAPI document: its top level is a list, not a mapping with keys such as `openapi`, `info` and `paths`.</source>
        <translation>这不是 OpenAPI 文档：它的顶层是一个列表，而不是包含 `openapi`、`info`、`paths` 等键的映射。</translation>
    </message>
    <message>
        <source>This is not an OpenAPI document: its top level is a single value, not a mapping with keys such as `openapi`, `info` and `paths`.</source>
        <translation>这不是 OpenAPI 文档：它的顶层是单个值，而不是包含 `openapi`、`info`、`paths` 等键的映射。</translation>
    </message>
    <message>
        <source>This is not an OpenAPI document: its top level is plain text, not a mapping with keys such as `openapi`, `info` and `paths`.</source>
        <translation>这不是 OpenAPI 文档：它的顶层是纯文本，而不是包含 `openapi`、`info`、`paths` 等键的映射。</translation>
    </message>
    <message>
        <source>This knowledge has no index to include yet.</source>
        <translation>此知识库还没有可包含的索引。</translation>
    </message>
    <message>
        <source>This knowledge uses embeddings, but no vectors were given: check the embedding model setting.</source>
        <translation>此知识库使用向量嵌入，但没有得到向量：请检查嵌入模型设置。</translation>
    </message>
    <message>
        <source>This knowledge was indexed without embeddings; rebuild it to use the embedding model.</source>
        <translation>此知识库建立索引时未使用向量嵌入；请重新索引以使用嵌入模型。</translation>
    </message>
    <message>
        <source>This model is not a reranker: pick a GGUF reranker (such as a bge-reranker or Qwen3-Reranker conversion) for reranking.</source>
        <translation>这个模型不是重排序模型：请选择 GGUF 格式的重排序模型（例如 bge-reranker 或 Qwen3-Reranker 的转换版本）。</translation>
    </message>
    <message>
        <source>This operation takes a {media} body, which actions cannot send.</source>
        <translation>此操作需要 {media} 类型的请求体，动作无法发送。</translation>
    </message>
    <message>
        <source>This zip is not a Capsule Studio capsule (its capsule.json does not say so).</source>
        <translation>此 zip 不是 Capsule Studio 胶囊文件（其 capsule.json 未表明这一点）。</translation>
    </message>
    <message>
        <source>Thread {thread_id} already has an active run (run {run_id}). Wait for it to finish, or cancel it.</source>
        <translation>对话 {thread_id} 已有一个正在进行的运行（{run_id}）。请等待它完成，或将其取消。</translation>
    </message>
    <message>
        <source>Thread {thread_id} already has an active run. Wait for it to finish, or cancel it.</source>
        <translation>对话 {thread_id} 已有一个正在进行的运行。请等待它完成，或将其取消。</translation>
    </message>
    <message>
        <source>Thread {thread_id} belongs to another GPT ({other}); start a new conversation with this one.</source>
        <translation>对话 {thread_id} 属于另一个 GPT（{other}）；请与此 GPT 开始新的对话。</translation>
    </message>
    <message>
        <source>Thread {thread_id} is not in the trash: delete it first.</source>
        <translation>对话 {thread_id} 不在回收站中：请先删除它。</translation>
    </message>
    <message>
        <source>Unknown model &apos;{reference}&apos;. Local models: none found. Give one of their ids or the path to a .gguf file.</source>
        <translation>未知模型“{reference}”。没有找到本地模型。请填写本地模型的 ID，或 .gguf 文件的路径。</translation>
    </message>
    <message>
        <source>Unknown model &apos;{reference}&apos;. Local models: {known}. Give one of their ids or the path to a .gguf file.</source>
        <translation>未知模型“{reference}”。本地模型有：{known}。请填写其中一个 ID，或 .gguf 文件的路径。</translation>
    </message>
    <message>
        <source>Unknown provider &apos;{profile}&apos;. Use a local model (one of the local models, or a path to a .gguf file).</source>
        <translation>未知服务商“{profile}”。请使用本地模型（某个本地模型，或 .gguf 文件的路径）。</translation>
    </message>
    <message>
        <source>Unknown provider preset &apos;{preset}&apos;. Use one of: {presets}.</source>
        <translation>未知的服务商预设“{preset}”。可用的预设：{presets}。</translation>
    </message>
    <message>
        <source>Your provider profile &apos;{name}&apos; is used as it is; the capsule&apos;s points elsewhere ({url}).</source>
        <translation>沿用你现有的服务商配置“{name}”；胶囊文件中的配置指向别处（{url}）。</translation>
    </message>
    <message>
        <source>`count` must be a whole number from 1 to {most}.</source>
        <translation>`count` 必须是 1 到 {most} 之间的整数。</translation>
    </message>
    <message>
        <source>`paths` must map each path (&apos;/pets&apos;) to its operations; here it is {kind}. Fix /paths.</source>
        <translation>`paths` 必须把每个路径（&apos;/pets&apos;）映射到它的操作；这里却是 {kind}。请修正 /paths。</translation>
    </message>
    <message>
        <source>`query` must be the words to search for.</source>
        <translation>`query` 必须是要搜索的词语。</translation>
    </message>
    <message>
        <source>`start` must be a whole number of characters, 0 or more.</source>
        <translation>`start` 必须是表示字符数的整数，不小于 0。</translation>
    </message>
    <message>
        <source>`url` must be a web address, like https://example.com/page.</source>
        <translation>`url` 必须是网址，例如 https://example.com/page。</translation>
    </message>
    <message>
        <source>`{arg}` is required: give a value for it.</source>
        <translation>`{arg}` 是必填项：请为它提供一个值。</translation>
    </message>
    <message>
        <source>`{arg}` is sent as a form: give it as an object.</source>
        <translation>`{arg}` 以表单形式发送：请以对象形式提供。</translation>
    </message>
    <message>
        <source>`{arg}` is sent as an HTTP header: remove its line breaks.</source>
        <translation>`{arg}` 作为 HTTP 头发送：请去掉其中的换行。</translation>
    </message>
    <message>
        <source>`{key}` must be one of {choices}; leave it out for the default.</source>
        <translation>`{key}` 必须是 {choices} 之一；不填则使用默认值。</translation>
    </message>
    <message>
        <source>cannot download the image from {label}&apos;s image link ({host}) ({kind}): check that the address the server gives for its images can be reached from this computer.</source>
        <translation>无法从 {label} 的图像链接（{host}）下载图像（{kind}）：请检查这台电脑能否访问该服务器提供的图像地址。</translation>
    </message>
    <message>
        <source>cannot reach {host} ({reason}): {hint}.</source>
        <translation>无法连接 {host}（{reason}）：{hint}。</translation>
    </message>
    <message>
        <source>cannot reach {host}: {hint}.</source>
        <translation>无法连接 {host}：{hint}。</translation>
    </message>
    <message>
        <source>cannot read it: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <source>it does not match the capsule&apos;s list of files</source>
        <translation>它与胶囊文件中的文件列表不一致</translation>
    </message>
    <message>
        <source>it exited with code {code}</source>
        <translation>进程以代码 {code} 退出</translation>
    </message>
    <message>
        <source>it has no vectors for &apos;{model}&apos;</source>
        <translation>它没有“{model}”的向量</translation>
    </message>
    <message>
        <source>it stopped answering</source>
        <translation>进程已无响应</translation>
    </message>
    <message>
        <source>it was built with another embedding model than &apos;{model}&apos;</source>
        <translation>它是用“{model}”以外的嵌入模型建立的</translation>
    </message>
    <message>
        <source>it was stopped by signal {number}</source>
        <translation>进程被信号 {number} 终止</translation>
    </message>
    <message>
        <source>it was stopped by {signal}</source>
        <translation>进程被 {signal} 终止</translation>
    </message>
    <message>
        <source>it was stopped by {signal} (a crash)</source>
        <translation>进程被 {signal} 终止，即崩溃</translation>
    </message>
    <message>
        <source>it was stopped by {signal} (an abort)</source>
        <translation>进程被 {signal} 终止，即主动中止</translation>
    </message>
    <message>
        <source>it was stopped by {signal} (an instruction this CPU does not have)</source>
        <translation>进程被 {signal} 终止，即用到了这台 CPU 没有的指令</translation>
    </message>
    <message>
        <source>it was stopped by {signal} (killed, usually because the system ran out of memory)</source>
        <translation>进程被 {signal} 强制结束，通常是因为系统内存不足</translation>
    </message>
    <message>
        <source>llama.cpp could not load {name} (architecture &apos;{arch}&apos;): its architecture &apos;{arch}&apos; is not supported by this llama.cpp. llama.cpp said: {reason}</source>
        <translation>llama.cpp 无法加载 {name}（架构“{arch}”）：这个版本的 llama.cpp 不支持“{arch}”架构。llama.cpp 的说明：{reason}</translation>
    </message>
    <message>
        <source>llama.cpp could not load {name} (architecture &apos;{arch}&apos;): the file may be damaged, or too new for this version of llama.cpp. llama.cpp said: {reason}</source>
        <translation>llama.cpp 无法加载 {name}（架构“{arch}”）：文件可能已损坏，或对这个版本的 llama.cpp 来说太新。llama.cpp 的说明：{reason}</translation>
    </message>
    <message>
        <source>llama.cpp stopped while loading {label} ({reason}). The model file may be damaged, or this llama.cpp build does not suit this CPU: see the README&apos;s &apos;If a model crashes&apos;.</source>
        <translation>llama.cpp 在加载 {label} 时停止运行（{reason}）。模型文件可能已损坏，或这个 llama.cpp 版本不适合这台电脑的 CPU：请参阅 README 中的“If a model crashes”一节。</translation>
    </message>
    <message>
        <source>llama.cpp stopped while loading {label} ({reason}). The model file may be damaged, or this llama.cpp build does not suit this CPU: see the README&apos;s &apos;If a model crashes&apos;. Its last words: {words}</source>
        <translation>llama.cpp 在加载 {label} 时停止运行（{reason}）。模型文件可能已损坏，或这个 llama.cpp 版本不适合这台电脑的 CPU：请参阅 README 中的“If a model crashes”一节。最后的输出：{words}</translation>
    </message>
    <message>
        <source>llama.cpp stopped while running {label} ({reason}). The model file may be damaged, or this llama.cpp build does not suit this CPU: see the README&apos;s &apos;If a model crashes&apos;.</source>
        <translation>llama.cpp 在运行 {label} 时停止运行（{reason}）。模型文件可能已损坏，或这个 llama.cpp 版本不适合这台电脑的 CPU：请参阅 README 中的“If a model crashes”一节。</translation>
    </message>
    <message>
        <source>llama.cpp stopped while running {label} ({reason}). The model file may be damaged, or this llama.cpp build does not suit this CPU: see the README&apos;s &apos;If a model crashes&apos;. Its last words: {words}</source>
        <translation>llama.cpp 在运行 {label} 时停止运行（{reason}）。模型文件可能已损坏，或这个 llama.cpp 版本不适合这台电脑的 CPU：请参阅 README 中的“If a model crashes”一节。最后的输出：{words}</translation>
    </message>
    <message>
        <source>llama.cpp stopped while starting {label} ({reason}). The model file may be damaged, or this llama.cpp build does not suit this CPU: see the README&apos;s &apos;If a model crashes&apos;.</source>
        <translation>llama.cpp 在启动 {label} 时停止运行（{reason}）。模型文件可能已损坏，或这个 llama.cpp 版本不适合这台电脑的 CPU：请参阅 README 中的“If a model crashes”一节。</translation>
    </message>
    <message>
        <source>llama.cpp stopped while starting {label} ({reason}). The model file may be damaged, or this llama.cpp build does not suit this CPU: see the README&apos;s &apos;If a model crashes&apos;. Its last words: {words}</source>
        <translation>llama.cpp 在启动 {label} 时停止运行（{reason}）。模型文件可能已损坏，或这个 llama.cpp 版本不适合这台电脑的 CPU：请参阅 README 中的“If a model crashes”一节。最后的输出：{words}</translation>
    </message>
    <message>
        <source>llama.cpp was stopped while loading {label}: the system ran out of memory. Choose a smaller model (or a smaller quantization), lower the context size, or close other programs, then try again.</source>
        <translation>llama.cpp 在加载 {label} 时被终止：系统内存不足。请换用更小的模型（或更低的量化版本）、调低上下文长度，或关闭其他程序，然后重试。</translation>
    </message>
    <message>
        <source>llama.cpp was stopped while running {label}: the system ran out of memory. Choose a smaller model (or a smaller quantization), lower the context size, or close other programs, then try again.</source>
        <translation>llama.cpp 在运行 {label} 时被终止：系统内存不足。请换用更小的模型（或更低的量化版本）、调低上下文长度，或关闭其他程序，然后重试。</translation>
    </message>
    <message>
        <source>llama.cpp was stopped while starting {label}: the system ran out of memory. Choose a smaller model (or a smaller quantization), lower the context size, or close other programs, then try again.</source>
        <translation>llama.cpp 在启动 {label} 时被终止：系统内存不足。请换用更小的模型（或更低的量化版本）、调低上下文长度，或关闭其他程序，然后重试。</translation>
    </message>
    <message>
        <source>model &apos;{model}&apos; not found at {label}: choose one of the models it serves.</source>
        <translation>{label} 上找不到模型“{model}”：请选择它提供的某个模型。</translation>
    </message>
    <message>
        <source>model &apos;{model}&apos; not found at {label}: choose one of the models it serves. The server said: {detail}</source>
        <translation>{label} 上找不到模型“{model}”：请选择它提供的某个模型。服务器说明：{detail}</translation>
    </message>
    <message>
        <source>no embedding model is chosen for it</source>
        <translation>没有为它选择嵌入模型</translation>
    </message>
    <message>
        <source>start={start} is past the end of the page, which has {total} characters; the whole page has been read.</source>
        <translation>start={start} 已超出页面末尾（页面共 {total} 个字符）；整个页面都已读完。</translation>
    </message>
    <message>
        <source>the arguments are not valid JSON ({problem} at position {position}); send a JSON object</source>
        <translation>参数不是有效的 JSON（位置 {position}：{problem}）；请发送一个 JSON 对象</translation>
    </message>
    <message>
        <source>the arguments must be a JSON object</source>
        <translation>参数必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>the catalog is not valid:
  {problems}</source>
        <translation>模型目录无效：
  {problems}</translation>
    </message>
    <message>
        <source>the embedding model &apos;{model}&apos; is not on this machine</source>
        <translation>本机没有嵌入模型“{model}”</translation>
    </message>
    <message>
        <source>the model called &apos;{model}&apos; here is not the exporter&apos;s</source>
        <translation>这里名为“{model}”的模型与导出者的不是同一个</translation>
    </message>
    <message>
        <source>too many files named like {name}</source>
        <translation>与 {name} 同名的文件太多</translation>
    </message>
    <message>
        <source>unknown tool {name}; the tools available are: none</source>
        <translation>未知工具 {name}；目前没有可用的工具</translation>
    </message>
    <message>
        <source>unknown tool {name}; the tools available are: {known}</source>
        <translation>未知工具 {name}；可用的工具有：{known}</translation>
    </message>
    <message>
        <source>unknown tool {name}; the tools available are: {known} and {more} more</source>
        <translation>未知工具 {name}；可用的工具有：{known}，另有 {more} 个</translation>
    </message>
    <message>
        <source>{at} is not a list of servers; it is ignored.</source>
        <translation>{at} 不是服务器列表；已忽略。</translation>
    </message>
    <message>
        <source>{base} answered HTTP {status} for {source}. Try again later.</source>
        <translation>{base} 对 {source} 返回了 HTTP {status}。请稍后再试。</translation>
    </message>
    <message>
        <source>{base} answered for {source} without the headers a Hugging Face hub sends (ETag, X-Repo-Commit): check {variable}, or a proxy in between.</source>
        <translation>{base} 对 {source} 的响应缺少 Hugging Face 模型仓库应有的响应头（ETag、X-Repo-Commit）：请检查 {variable}，或中间的代理。</translation>
    </message>
    <message>
        <source>{file} cannot be read (permission denied): copy it somewhere readable.</source>
        <translation>无法读取 {file}（权限不足）：请把它复制到可读取的位置。</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}.</source>
        <translation>无法读取 {file}：{reason}。</translation>
    </message>
    <message>
        <source>{file} could not be indexed: {reason}</source>
        <translation>{file} 无法建立索引：{reason}</translation>
    </message>
    <message>
        <source>{file} is a folder: choose the document file inside it.</source>
        <translation>{file} 是文件夹：请选择其中的文档文件。</translation>
    </message>
    <message>
        <source>{host} did not answer in full within {seconds} s; try again later, or use another source.</source>
        <translation>{host} 未在 {seconds} 秒内完整回复；请稍后再试，或换用其他来源。</translation>
    </message>
    <message>
        <source>{host} did not answer within {seconds} s; try again later, or ask for less.</source>
        <translation>{host} 在 {seconds} 秒内没有响应；请稍后重试，或减少请求的数据量。</translation>
    </message>
    <message>
        <source>{host} redirected more than {count} times; the action&apos;s server URL may be wrong.</source>
        <translation>{host} 重定向超过 {count} 次；动作的服务器 URL 可能有误。</translation>
    </message>
    <message>
        <source>{host} redirected more than {most} times (maybe in a loop); the page cannot be read.</source>
        <translation>{host} 重定向超过 {most} 次（可能陷入了循环）；无法读取该页面。</translation>
    </message>
    <message>
        <source>{host} redirected to a URL that is not http(s).</source>
        <translation>{host} 重定向到了一个非 http(s) 的 URL。</translation>
    </message>
    <message>
        <source>{host} redirected to an address that is not http(s); fetch_url cannot follow it.</source>
        <translation>{host} 重定向到了一个非 http(s) 地址；fetch_url 无法跟随。</translation>
    </message>
    <message>
        <source>{host} redirected to {other}, another host; the call was not followed there. Tell the user the API moved, or ask them to import the action for that host.</source>
        <translation>{host} 重定向到了另一个主机 {other}；调用没有跟随过去。请告诉用户该 API 已迁移，或请他们为那个主机导入动作。</translation>
    </message>
    <message>
        <source>{host} sent a compressed answer that could not be decoded.</source>
        <translation>{host} 发来的压缩内容无法解码。</translation>
    </message>
    <message>
        <source>{label} answered the image request with something that is not JSON: check that the base URL points at an OpenAI-compatible API with an images endpoint.</source>
        <translation>{label} 对图像请求的回复不是 JSON：请检查基础 URL 是否指向带有图像接口、兼容 OpenAI 的 API。</translation>
    </message>
    <message>
        <source>{label} answered with an error ({status}) after 1 retry; try again later: no details given</source>
        <translation>{label} 返回错误（{status}），已重试 1 次；请稍后再试：未提供详细信息</translation>
    </message>
    <message>
        <source>{label} answered with an error ({status}) after 1 retry; try again later: {detail}</source>
        <translation>{label} 返回错误（{status}），已重试 1 次；请稍后再试：{detail}</translation>
    </message>
    <message>
        <source>{label} answered with an error ({status}) after {retries} retries; try again later: no details given</source>
        <translation>{label} 返回错误（{status}），已重试 {retries} 次；请稍后再试：未提供详细信息</translation>
    </message>
    <message>
        <source>{label} answered with an error ({status}) after {retries} retries; try again later: {detail}</source>
        <translation>{label} 返回错误（{status}），已重试 {retries} 次；请稍后再试：{detail}</translation>
    </message>
    <message>
        <source>{label} answered with an error ({status}): no details given</source>
        <translation>{label} 返回错误（{status}）：未提供详细信息</translation>
    </message>
    <message>
        <source>{label} answered with an error ({status}): {detail}</source>
        <translation>{label} 返回错误（{status}）：{detail}</translation>
    </message>
    <message>
        <source>{label} answered with an error ({status}); try again later: no details given</source>
        <translation>{label} 返回错误（{status}）；请稍后再试：未提供详细信息</translation>
    </message>
    <message>
        <source>{label} answered with an error ({status}); try again later: {detail}</source>
        <translation>{label} 返回错误（{status}）；请稍后再试：{detail}</translation>
    </message>
    <message>
        <source>{label} answered without any image: try again, or check that the image generation model makes images.</source>
        <translation>{label} 的回复中没有图像：请重试，或检查图像生成模型能否生成图像。</translation>
    </message>
    <message>
        <source>{label} answered without any image: try again, or check that the image generation model makes images. It said: {detail}</source>
        <translation>{label} 的回复中没有图像：请重试，或检查图像生成模型能否生成图像。它的说明：{detail}</translation>
    </message>
    <message>
        <source>{label} did not answer within {timeout} s ({attempts} attempts): the server may be busy or still loading the model; try again, or raise the profile&apos;s timeout.</source>
        <translation>{label} 在 {timeout} 秒内没有响应（共尝试 {attempts} 次）：服务器可能正忙或仍在加载模型；请重试，或调大该服务商配置的超时时间。</translation>
    </message>
    <message>
        <source>{label} did not answer within {timeout} s: the server may be busy or still loading the model; try again, or raise the profile&apos;s timeout.</source>
        <translation>{label} 在 {timeout} 秒内没有响应：服务器可能正忙或仍在加载模型；请重试，或调大该服务商配置的超时时间。</translation>
    </message>
    <message>
        <source>{label} ended the stream without an answer. Try again; if it keeps happening, check that the model can chat.</source>
        <translation>{label} 结束了数据流，却没有给出回答。请重试；如果反复出现，请检查该模型是否支持对话。</translation>
    </message>
    <message>
        <source>{label} has no images endpoint or no default image model (404): set the GPT&apos;s image generation model to one that server makes images with, or choose a provider profile whose server can make images.</source>
        <translation>{label} 没有图像接口，或没有默认的图像模型（404）：请把 GPT 的图像生成模型设为该服务器能生成图像的模型，或选择一个服务器能生成图像的服务商配置。</translation>
    </message>
    <message>
        <source>{label} has no images endpoint or no default image model (404): set the GPT&apos;s image generation model to one that server makes images with, or choose a provider profile whose server can make images. The server said: {detail}</source>
        <translation>{label} 没有图像接口，或没有默认的图像模型（404）：请把 GPT 的图像生成模型设为该服务器能生成图像的模型，或选择一个服务器能生成图像的服务商配置。服务器说明：{detail}</translation>
    </message>
    <message>
        <source>{label} has no images endpoint or no image model &apos;{model}&apos; (404): set the GPT&apos;s image generation model to one that server makes images with, or choose a provider profile whose server can make images.</source>
        <translation>{label} 没有图像接口，或没有图像模型“{model}”（404）：请把 GPT 的图像生成模型设为该服务器能生成图像的模型，或选择一个服务器能生成图像的服务商配置。</translation>
    </message>
    <message>
        <source>{label} has no images endpoint or no image model &apos;{model}&apos; (404): set the GPT&apos;s image generation model to one that server makes images with, or choose a provider profile whose server can make images. The server said: {detail}</source>
        <translation>{label} 没有图像接口，或没有图像模型“{model}”（404）：请把 GPT 的图像生成模型设为该服务器能生成图像的模型，或选择一个服务器能生成图像的服务商配置。服务器说明：{detail}</translation>
    </message>
    <message>
        <source>{label} has no model list at {url}/models (404): check the base URL.</source>
        <translation>{label} 在 {url}/models 没有模型列表（404）：请检查基础 URL。</translation>
    </message>
    <message>
        <source>{label} has no standard address: give its base URL.</source>
        <translation>{label} 没有标准地址：请填写它的基础 URL。</translation>
    </message>
    <message>
        <source>{label} kept refusing requests as too many (429) after 1 retry: wait a minute and try again, or check your plan&apos;s limits.</source>
        <translation>{label} 以请求过多为由持续拒绝（429），已重试 1 次：请稍等一分钟再试，或检查你的套餐限额。</translation>
    </message>
    <message>
        <source>{label} kept refusing requests as too many (429) after 1 retry: wait a minute and try again, or check your plan&apos;s limits. The server said: {detail}</source>
        <translation>{label} 以请求过多为由持续拒绝（429），已重试 1 次：请稍等一分钟再试，或检查你的套餐限额。服务器说明：{detail}</translation>
    </message>
    <message>
        <source>{label} kept refusing requests as too many (429) after {retries} retries: wait a minute and try again, or check your plan&apos;s limits.</source>
        <translation>{label} 以请求过多为由持续拒绝（429），已重试 {retries} 次：请稍等一分钟再试，或检查你的套餐限额。</translation>
    </message>
    <message>
        <source>{label} kept refusing requests as too many (429) after {retries} retries: wait a minute and try again, or check your plan&apos;s limits. The server said: {detail}</source>
        <translation>{label} 以请求过多为由持续拒绝（429），已重试 {retries} 次：请稍等一分钟再试，或检查你的套餐限额。服务器说明：{detail}</translation>
    </message>
    <message>
        <source>{label} kept refusing requests as too many (429): wait a minute and try again, or check your plan&apos;s limits.</source>
        <translation>{label} 以请求过多为由持续拒绝（429）：请稍等一分钟再试，或检查你的套餐限额。</translation>
    </message>
    <message>
        <source>{label} kept refusing requests as too many (429): wait a minute and try again, or check your plan&apos;s limits. The server said: {detail}</source>
        <translation>{label} 以请求过多为由持续拒绝（429）：请稍等一分钟再试，或检查你的套餐限额。服务器说明：{detail}</translation>
    </message>
    <message>
        <source>{label} needs a base URL: give the profile &apos;{profile}&apos; one.</source>
        <translation>{label} 需要基础 URL：请为服务商配置“{profile}”填写。</translation>
    </message>
    <message>
        <source>{label} needs an API key: give the profile &apos;{profile}&apos; one.</source>
        <translation>{label} 需要 API 密钥：请为服务商配置“{profile}”设置。</translation>
    </message>
    <message>
        <source>{label} refused the prompt under its content policy: rephrase it, leaving out what the policy may forbid, and try again (or tell the user this image cannot be made).</source>
        <translation>{label} 以内容政策为由拒绝了这条提示词：请换个说法，去掉政策可能禁止的内容后重试（或告诉用户这张图无法生成）。</translation>
    </message>
    <message>
        <source>{label} refused the prompt under its content policy: rephrase it, leaving out what the policy may forbid, and try again (or tell the user this image cannot be made). The server said: {detail}</source>
        <translation>{label} 以内容政策为由拒绝了这条提示词：请换个说法，去掉政策可能禁止的内容后重试（或告诉用户这张图无法生成）。服务器说明：{detail}</translation>
    </message>
    <message>
        <source>{label} reported an error after 1 character of the answer: {detail}</source>
        <translation>{label} 在回答了 1 个字符后报告错误：{detail}</translation>
    </message>
    <message>
        <source>{label} reported an error after {count} characters of the answer: {detail}</source>
        <translation>{label} 在回答了 {count} 个字符后报告错误：{detail}</translation>
    </message>
    <message>
        <source>{label} reported an error: {detail}</source>
        <translation>{label} 报告错误：{detail}</translation>
    </message>
    <message>
        <source>{label} returned unusable embeddings ({what}). Check that the model is an embedding model.</source>
        <translation>{label} 返回的嵌入向量无法使用（{what}）。请检查该模型是否为嵌入模型。</translation>
    </message>
    <message>
        <source>{label} sent a stream chunk that does not follow the chat completions format ({what}). Check that the base URL points at an OpenAI-compatible API.</source>
        <translation>{label} 发来的数据块不符合 chat completions 格式（{what}）。请检查基础 URL 是否指向兼容 OpenAI 的 API。</translation>
    </message>
    <message>
        <source>{label} sent an answer that could not be read ({kind}): check that the base URL points at an OpenAI-compatible API.</source>
        <translation>{label} 发来的回复无法读取（{kind}）：请检查基础 URL 是否指向兼容 OpenAI 的 API。</translation>
    </message>
    <message>
        <source>{label} sent an answer that could not be read after 1 character of the answer ({kind}): check that the base URL points at an OpenAI-compatible API.</source>
        <translation>{label} 在回答了 1 个字符后发来无法读取的内容（{kind}）：请检查基础 URL 是否指向兼容 OpenAI 的 API。</translation>
    </message>
    <message>
        <source>{label} sent an answer that could not be read after {count} characters of the answer ({kind}): check that the base URL points at an OpenAI-compatible API.</source>
        <translation>{label} 在回答了 {count} 个字符后发来无法读取的内容（{kind}）：请检查基础 URL 是否指向兼容 OpenAI 的 API。</translation>
    </message>
    <message>
        <source>{label} sent an image larger than {size} MB; it was not kept. Ask for a smaller size.</source>
        <translation>{label} 发来的图像超过 {size} MB，未予保存。请要求生成更小尺寸的图像。</translation>
    </message>
    <message>
        <source>{label} sent an unusable image answer ({what}). Try again; if it keeps happening, check that the image generation model and the base URL are right.</source>
        <translation>{label} 返回的图像结果无法使用（{what}）。请重试；如果反复出现，请检查图像生成模型和基础 URL 是否正确。</translation>
    </message>
    <message>
        <source>{label} sent data that is not valid JSON after 1 character of the answer: {snippet}. Check that the base URL points at an OpenAI-compatible API.</source>
        <translation>{label} 在回答了 1 个字符后发来无效的 JSON 数据：{snippet}。请检查基础 URL 是否指向兼容 OpenAI 的 API。</translation>
    </message>
    <message>
        <source>{label} sent data that is not valid JSON after {count} characters of the answer: {snippet}. Check that the base URL points at an OpenAI-compatible API.</source>
        <translation>{label} 在回答了 {count} 个字符后发来无效的 JSON 数据：{snippet}。请检查基础 URL 是否指向兼容 OpenAI 的 API。</translation>
    </message>
    <message>
        <source>{label} sent data that is not valid JSON: {snippet}. Check that the base URL points at an OpenAI-compatible API.</source>
        <translation>{label} 发来无效的 JSON 数据：{snippet}。请检查基础 URL 是否指向兼容 OpenAI 的 API。</translation>
    </message>
    <message>
        <source>{label} stopped sending for {timeout} s after 1 character of the answer: try again, or raise the profile&apos;s timeout.</source>
        <translation>{label} 回答了 1 个字符后已有 {timeout} 秒没有发送数据：请重试，或调大该服务商配置的超时时间。</translation>
    </message>
    <message>
        <source>{label} stopped sending for {timeout} s after {count} characters of the answer: try again, or raise the profile&apos;s timeout.</source>
        <translation>{label} 回答了 {count} 个字符后已有 {timeout} 秒没有发送数据：请重试，或调大该服务商配置的超时时间。</translation>
    </message>
    <message>
        <source>{label} tried to send the request to {target} ({status}), another host; it was not followed there, so nothing of the conversation left for it. If the service has moved, set profile &apos;{profile}&apos; to its new address.</source>
        <translation>{label} 试图把请求转到另一台主机 {target}（{status}）；该跳转未被执行，对话内容没有发往那里。如果该服务已迁移，请把服务商配置“{profile}”改为新地址。</translation>
    </message>
    <message>
        <source>{label}&apos;s image link ({host}) answered {status} instead of the image: try again; the link may have expired.</source>
        <translation>{label} 的图像链接（{host}）返回了 {status}，而不是图像：请重试；链接可能已过期。</translation>
    </message>
    <message>
        <source>{label}&apos;s image link ({host}) did not deliver the image within {timeout} s: try again, or raise the profile&apos;s timeout.</source>
        <translation>{label} 的图像链接（{host}）在 {timeout} 秒内没有传回图像：请重试，或调大该服务商配置的超时时间。</translation>
    </message>
    <message>
        <source>{label}: it asks for the security scheme &apos;{name}&apos;, which the document does not define; it is ignored.</source>
        <translation>{label}：它要求使用安全方案“{name}”，但文档中没有定义；已忽略。</translation>
    </message>
    <message>
        <source>{label}: it has both a body and form parameters; the form is left out.</source>
        <translation>{label}：它同时有请求体和表单参数；已省略表单。</translation>
    </message>
    <message>
        <source>{label}: its request body takes no known type, which an assistant cannot send; the operation is offered without the body.</source>
        <translation>{label}：它的请求体没有已知类型，助手无法发送；该操作将不带请求体提供。</translation>
    </message>
    <message>
        <source>{label}: its request body takes {types}, which an assistant cannot send; the operation is offered without the body.</source>
        <translation>{label}：它的请求体类型为 {types}，助手无法发送；该操作将不带请求体提供。</translation>
    </message>
    <message>
        <source>{label}: its request body uploads files, which an assistant cannot send; the operation is offered without the body.</source>
        <translation>{label}：它的请求体需要上传文件，助手无法发送；该操作将不带请求体提供。</translation>
    </message>
    <message>
        <source>{label}: the parameter at {at} needs a `name` and an `in` ({locations}); it is left out.</source>
        <translation>{label}：{at} 处的参数需要 `name` 和 `in`（{locations}）；已省略。</translation>
    </message>
    <message>
        <source>{label}: the path parameter &apos;{name}&apos; ({at}) is not in the path; it is left out.</source>
        <translation>{label}：路径参数“{name}”（{at}）不在路径中；已省略。</translation>
    </message>
    <message>
        <source>{label}: the path parameter &apos;{name}&apos; is not declared; it is offered as text (declare it under {under} with `in: path`).</source>
        <translation>{label}：路径参数“{name}”未声明；将作为文本提供（请在 {under} 下以 `in: path` 声明它）。</translation>
    </message>
    <message>
        <source>{label}: the request body at {at} has no `content`; it is left out.</source>
        <translation>{label}：{at} 处的请求体没有 `content`；已省略。</translation>
    </message>
    <message>
        <source>{label}: {at} is not a list of parameters; it is ignored.</source>
        <translation>{label}：{at} 不是参数列表；已忽略。</translation>
    </message>
    <message>
        <source>{model} is not an embedding model; pick one whose GGUF sets a pooling type (the catalog&apos;s embedding models do).</source>
        <translation>{model} 不是嵌入模型；请选择 GGUF 中设置了池化类型的模型（模型目录中的嵌入模型都符合）。</translation>
    </message>
    <message>
        <source>{model} is not an embedding model; pick one whose GGUF sets a pooling type.</source>
        <translation>{model} 不是嵌入模型；请选择一个在 GGUF 中设置了池化类型的模型。</translation>
    </message>
    <message>
        <source>{name} cannot be used.</source>
        <translation>{name} 无法使用。</translation>
    </message>
    <message>
        <source>{name} contains no text to search.</source>
        <translation>{name} 中没有可检索的文字。</translation>
    </message>
    <message>
        <source>{name} could not be read ({reason}). Check that the disk or network folder is available and try again.</source>
        <translation>无法读取 {name}（{reason}）。请确认磁盘或网络文件夹可以访问，然后重试。</translation>
    </message>
    <message>
        <source>{name} could not be read because of an error in Capsule Studio ({reason}). Please report it, with the file if you can share it.</source>
        <translation>由于 Capsule Studio 自身的错误，无法读取 {name}（{reason}）。请报告此问题，方便的话请附上该文件。</translation>
    </message>
    <message>
        <source>{name} could not be read: it looks damaged or is not a real image file ({reason}). Open it in the program that made it and save it again, then add it once more.</source>
        <translation>无法读取 {name}：它似乎已损坏，或并不是真正的图片文件（{reason}）。请用创建它的程序打开并重新保存，然后再添加一次。</translation>
    </message>
    <message>
        <source>{name} could not be read: it looks damaged or is not a real text file ({reason}). Open it in the program that made it and save it again, then add it once more.</source>
        <translation>无法读取 {name}：它似乎已损坏，或并不是真正的文本文件（{reason}）。请用创建它的程序打开并重新保存，然后再添加一次。</translation>
    </message>
    <message>
        <source>{name} could not be read: it looks damaged or is not a real {kind} file ({reason}). Open it in the program that made it and save it again, then add it once more.</source>
        <translation>无法读取 {name}：它似乎已损坏，或并不是真正的 {kind} 文件（{reason}）。请用创建它的程序打开并重新保存，然后再添加一次。</translation>
    </message>
    <message>
        <source>{name} does not belong in an encrypted capsule. Nothing was imported.</source>
        <translation>{name} 不应出现在加密的胶囊文件中。未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} does not belong in an unencrypted capsule. Nothing was imported.</source>
        <translation>{name} 不应出现在未加密的胶囊文件中。未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} has no general.architecture in its metadata; it is not a model llama.cpp can run.</source>
        <translation>{name} 的元数据中没有 general.architecture，不是 llama.cpp 能运行的模型。</translation>
    </message>
    <message>
        <source>{name} has no text layer (scanned pages): reading it needs text recognition (OCR), and the optional OCR engine is not installed.</source>
        <translation>{name} 没有文字层（是扫描页面）：读取它需要文字识别（OCR），但可选的 OCR 引擎尚未安装。</translation>
    </message>
    <message>
        <source>{name} holds no weights (a vocabulary-only file): it cannot answer. Use the full model file.</source>
        <translation>{name} 不含权重（只是词表文件），无法回答。请使用完整的模型文件。</translation>
    </message>
    <message>
        <source>{name} is a damaged run trace ({problem}); export it again.</source>
        <translation>{name} 是已损坏的运行轨迹（{problem}）；请重新导出。</translation>
    </message>
    <message>
        <source>{name} is a folder, not a file. Add the files inside it instead.</source>
        <translation>{name} 是文件夹，不是文件。请改为添加其中的文件。</translation>
    </message>
    <message>
        <source>{name} is a picture: reading its text needs text recognition (OCR), and the optional OCR engine is not installed.</source>
        <translation>{name} 是图片：读取其中的文字需要文字识别（OCR），但可选的 OCR 引擎尚未安装。</translation>
    </message>
    <message>
        <source>{name} is a zip, but not a capsule (it has no capsule.json).</source>
        <translation>{name} 是 zip 文件，但不是胶囊文件（没有 capsule.json）。</translation>
    </message>
    <message>
        <source>{name} is a {suffix} file, which Capsule Studio cannot read: convert it to {target} and add that instead.</source>
        <translation>{name} 是 {suffix} 文件，Capsule Studio 无法读取：请将其转换为 {target} 后再添加。</translation>
    </message>
    <message>
        <source>{name} is a {suffix} file, which Capsule Studio cannot read: export it as {target} and add that instead.</source>
        <translation>{name} 是 {suffix} 文件，Capsule Studio 无法读取：请将其导出为 {target} 后再添加。</translation>
    </message>
    <message>
        <source>{name} is a {suffix} file, which Capsule Studio cannot read: save it as {target} and add that instead.</source>
        <translation>{name} 是 {suffix} 文件，Capsule Studio 无法读取：请将其另存为 {target} 后再添加。</translation>
    </message>
    <message>
        <source>{name} is a {suffix} file, which Capsule Studio cannot read: save it as {target} or PDF and add that instead.</source>
        <translation>{name} 是 {suffix} 文件，Capsule Studio 无法读取：请将其另存为 {target} 或 PDF 后再添加。</translation>
    </message>
    <message>
        <source>{name} is damaged or truncated ({reason}). Download it again; if it came from a converter, convert it again.</source>
        <translation>{name} 已损坏或不完整（{reason}）。请重新下载；如果是转换工具生成的，请重新转换。</translation>
    </message>
    <message>
        <source>{name} is empty (0 bytes): download it again.</source>
        <translation>{name} 是空文件（0 字节）：请重新下载。</translation>
    </message>
    <message>
        <source>{name} is empty. Add it again once it has been saved or copied completely.</source>
        <translation>{name} 是空文件。请在它完整保存或复制后重新添加。</translation>
    </message>
    <message>
        <source>{name} is empty. Add it again once it has been saved or downloaded completely.</source>
        <translation>{name} 是空文件。请在它完整保存或下载后重新添加。</translation>
    </message>
    <message>
        <source>{name} is encrypted in a way Capsule Studio cannot open ({reason}). Open it in a PDF reader and save or print an unprotected copy, then add the copy.</source>
        <translation>{name} 使用了 Capsule Studio 无法打开的加密方式（{reason}）。请在 PDF 阅读器中打开它，保存或打印一份不加密的副本，然后添加副本。</translation>
    </message>
    <message>
        <source>{name} is more pixels than allowed: at most {limit} million pixels are read. Scale it down (300 dpi is plenty for text) and add it again.</source>
        <translation>{name} 的像素数超出上限：最多读取 {limit} 百万像素。请缩小图片（识别文字用 300 dpi 就足够）后重新添加。</translation>
    </message>
    <message>
        <source>{name} is neither a capsule nor JSON. Capsule Studio reads capsules, OpenAI Assistants, GPT configurations and prompts, Open WebUI models, LobeHub agents, and Character Cards V2/V3 (JSON or PNG).</source>
        <translation>{name} 既不是胶囊文件也不是 JSON。Capsule Studio 支持的格式有：胶囊文件、OpenAI Assistant、GPT 配置和提示词、Open WebUI 模型、LobeHub 助手，以及 Character Card V2/V3 角色卡（JSON 或 PNG）。</translation>
    </message>
    <message>
        <source>{name} is not JSON (line {line}, column {column}: {problem}); choose a trace exported from the playground.</source>
        <translation>{name} 不是 JSON（第 {line} 行第 {column} 列：{problem}）；请选择从调试台导出的运行轨迹。</translation>
    </message>
    <message>
        <source>{name} is not a GGUF model file (it starts with {sample}, not &apos;GGUF&apos;). Download the .gguf file itself, not a web page or a link to it.</source>
        <translation>{name} 不是 GGUF 模型文件（开头是 {sample}，而不是“GGUF”）。请下载 .gguf 文件本身，而不是网页或指向它的链接。</translation>
    </message>
    <message>
        <source>{name} is not a PNG, JPEG, GIF or WebP image: pick one of those.</source>
        <translation>{name} 不是 PNG、JPEG、GIF 或 WebP 图片：请选择这几种格式之一。</translation>
    </message>
    <message>
        <source>{name} is not a file name inside the thread: use a relative name</source>
        <translation>{name} 不是此对话中的文件名：请使用相对名称</translation>
    </message>
    <message>
        <source>{name} is not a file type Capsule Studio can read. Add PDF, text, Markdown, HTML, CSV, DOCX, XLSX, JSON or image files, or convert it to one of them.</source>
        <translation>Capsule Studio 无法读取 {name} 这种文件类型。请添加 PDF、文本、Markdown、HTML、CSV、DOCX、XLSX、JSON 或图片文件，或先把它转换为其中一种格式。</translation>
    </message>
    <message>
        <source>{name} is not a run trace; choose a file exported from the playground.</source>
        <translation>{name} 不是运行轨迹；请选择从调试台导出的文件。</translation>
    </message>
    <message>
        <source>{name} is not text in any encoding Capsule Studio recognises. If it is a document, save it as PDF, DOCX or UTF-8 text and add that instead.</source>
        <translation>{name} 不是 Capsule Studio 能识别的任何编码的文本。如果它是文档，请另存为 PDF、DOCX 或 UTF-8 文本后再添加。</translation>
    </message>
    <message>
        <source>{name} is one part of a split model. Copy all of its parts (…-0000N-of-…) into {folder} together instead.</source>
        <translation>{name} 只是分卷模型的一部分。请把它的所有分卷（…-0000N-of-…）一起复制到 {folder}。</translation>
    </message>
    <message>
        <source>{name} is outside the thread&apos;s files: use a name from `threads files`</source>
        <translation>{name} 不在此对话的文件中：请使用 `threads files` 列出的文件名</translation>
    </message>
    <message>
        <source>{name} is password-protected or saved in the old Office 97-2003 format. Open it in Office, remove the password if it has one, and save it as {kind}.</source>
        <translation>{name} 设有密码，或是旧版 Office 97-2003 格式。请在 Office 中打开它，如有密码请先移除，然后另存为 {kind}。</translation>
    </message>
    <message>
        <source>{name} is protected with a password. Enter the password to add it, or add an unprotected copy.</source>
        <translation>{name} 设有密码。请输入密码后添加，或添加一份不加密的副本。</translation>
    </message>
    <message>
        <source>{name} is scanned, and text recognition (OCR) found no text on its pages. If it does hold text, scan it again at a higher resolution and add that.</source>
        <translation>{name} 是扫描件，文字识别（OCR）在其页面上没有找到文字。如果其中确实有文字，请用更高的分辨率重新扫描后再添加。</translation>
    </message>
    <message>
        <source>{name} is still being indexed; export once indexing has finished.</source>
        <translation>{name} 仍在建立索引；请等索引完成后再导出。</translation>
    </message>
    <message>
        <source>{name} is too large to be a conversation.</source>
        <translation>{name} 太大，不可能是对话文件。</translation>
    </message>
    <message>
        <source>{name} is too large to be a run trace.</source>
        <translation>{name} 太大，不可能是运行轨迹。</translation>
    </message>
    <message>
        <source>{name} is truncated: tensor {tensor} ends past the end of the file ({size} bytes). The download probably stopped early; download it again.</source>
        <translation>{name} 不完整：张量 {tensor} 超出了文件末尾（文件共 {size} 字节）。下载可能中途停止了，请重新下载。</translation>
    </message>
    <message>
        <source>{name} is {size} MB, more than the {limit} MB allowed for one file. Split it into smaller files and add those instead.</source>
        <translation>{name} 大小为 {size} MB，超过了单个文件 {limit} MB 的上限。请把它拆分成较小的文件后再添加。</translation>
    </message>
    <message>
        <source>{name} is {size} MB; attachments may be at most {limit} MB</source>
        <translation>{name} 大小为 {size} MB；附件最大为 {limit} MB</translation>
    </message>
    <message>
        <source>{name} is {size}; an avatar image may be at most {most}. Pick a smaller image.</source>
        <translation>{name} 大小为 {size}，头像图片最大为 {most}。请选择一张更小的图片。</translation>
    </message>
    <message>
        <source>{name} is {size}; files from other apps are read up to {most}.</source>
        <translation>{name} 大小为 {size}；来自其他应用的文件最多读取 {most}。</translation>
    </message>
    <message>
        <source>{name} is {width} x {height} pixels: at most {limit} million pixels are read. Scale it down (300 dpi is plenty for text) and add it again.</source>
        <translation>{name} 为 {width} x {height} 像素：最多读取 {limit} 百万像素。请缩小图片（识别文字用 300 dpi 就足够）后重新添加。</translation>
    </message>
    <message>
        <source>{name} no longer exists at {folder}. Add it again from where it is now.</source>
        <translation>{folder} 中已没有 {name}。请从它现在所在的位置重新添加。</translation>
    </message>
    <message>
        <source>{name} was not opened: it has a part compressed {ratio} times ({part}), which is how a &apos;zip bomb&apos; fills memory and disk. If you trust the file, open it in the program that made it, save a copy, and add the copy.</source>
        <translation>未打开 {name}：其中一个部分被压缩了 {ratio} 倍（{part}），“ZIP 炸弹”正是这样耗尽内存和磁盘的。如果你信任此文件，请用创建它的程序打开，另存一份副本，然后添加副本。</translation>
    </message>
    <message>
        <source>{name} was not opened: it holds {count} entries (at most {limit} are opened), which is how a &apos;zip bomb&apos; fills memory and disk. If you trust the file, open it in the program that made it, save a copy, and add the copy.</source>
        <translation>未打开 {name}：它包含 {count} 个条目（最多打开 {limit} 个），“ZIP 炸弹”正是这样耗尽内存和磁盘的。如果你信任此文件，请用创建它的程序打开，另存一份副本，然后添加副本。</translation>
    </message>
    <message>
        <source>{name} was not opened: it lists far too many entries, which is how a &apos;zip bomb&apos; fills memory and disk. If you trust the file, open it in the program that made it, save a copy, and add the copy.</source>
        <translation>未打开 {name}：它列出的条目多得异常，“ZIP 炸弹”正是这样耗尽内存和磁盘的。如果你信任此文件，请用创建它的程序打开，另存一份副本，然后添加副本。</translation>
    </message>
    <message>
        <source>{name} was not opened: it would unpack to {size} MB (at most {limit} MB are opened), which is how a &apos;zip bomb&apos; fills memory and disk. If you trust the file, open it in the program that made it, save a copy, and add the copy.</source>
        <translation>未打开 {name}：它解压后将达 {size} MB（最多打开 {limit} MB），“ZIP 炸弹”正是这样耗尽内存和磁盘的。如果你信任此文件，请用创建它的程序打开，另存一份副本，然后添加副本。</translation>
    </message>
    <message>
        <source>{name} was not opened: its part {part} declares XML entities, which real {kind} files never do and &apos;billion laughs&apos; attacks rely on. Open it in the program that made it, save a copy, and add the copy.</source>
        <translation>未打开 {name}：其中的 {part} 声明了 XML 实体，真正的 {kind} 文件从不这样做，而“十亿笑声”攻击正依赖于此。请用创建它的程序打开，另存一份副本，然后添加副本。</translation>
    </message>
    <message>
        <source>{name} was written by a newer Capsule Studio (trace version {version}); update Capsule Studio to open it.</source>
        <translation>{name} 由更新版本的 Capsule Studio 写入（运行轨迹版本 {version}）；请更新 Capsule Studio 后再打开。</translation>
    </message>
    <message>
        <source>{path} already exists: choose another name, or allow overwriting</source>
        <translation>{path} 已存在：请换一个名称，或允许覆盖</translation>
    </message>
    <message>
        <source>{path} belongs to a newer Capsule Studio; not overwriting it.</source>
        <translation>{path} 属于更新版本的 Capsule Studio，不会覆盖它。</translation>
    </message>
    <message>
        <source>{path} cannot be read: check its permissions.</source>
        <translation>无法读取 {path}：请检查其权限。</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{path} could not be switched to WAL mode (got {mode}); keep the data folder on a local disk.</source>
        <translation>无法将 {path} 切换到 WAL 模式（得到的是 {mode}）；请将数据文件夹放在本地磁盘上。</translation>
    </message>
    <message>
        <source>{path} does not match its hash in the manifest: the capsule&apos;s contents were changed after export. Nothing was imported.</source>
        <translation>{path} 与清单中的哈希值不符：胶囊文件的内容在导出后被改动过。未导入任何内容。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a capsule.</source>
        <translation>{path} 是文件夹，不是胶囊文件。</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}). It was left untouched: restore a backup, or move it aside to start with an empty database.</source>
        <translation>{path} 已损坏（{reason}）。文件未被改动：请从备份恢复，或将其移走，以空数据库重新开始。</translation>
    </message>
    <message>
        <source>{path} is not a Capsule Studio database (the file is damaged or is something else). It was left untouched: move it aside and start the app again to create a new one, or restore it from a backup.</source>
        <translation>{path} 不是 Capsule Studio 数据库（文件已损坏或是其他文件）。文件未被改动：请将其移走后重新启动应用以创建新数据库，或从备份恢复。</translation>
    </message>
    <message>
        <source>{path} is not a file (or no longer exists).</source>
        <translation>{path} 不是文件（或已不存在）。</translation>
    </message>
    <message>
        <source>{path} is not a file: attach files one by one</source>
        <translation>{path} 不是文件：请逐个添加附件</translation>
    </message>
    <message>
        <source>{path} is not a folder</source>
        <translation>{path} 不是文件夹</translation>
    </message>
    <message>
        <source>{path} is not in a model folder ({folders}); only files there are removed. Delete other files yourself if you mean to.</source>
        <translation>{path} 不在模型文件夹（{folders}）中；只会移除那里的文件。其他文件如需删除，请自行删除。</translation>
    </message>
    <message>
        <source>{path} is {size} bytes, but the manifest says {listed}: the capsule&apos;s contents were changed after export. Nothing was imported.</source>
        <translation>{path} 有 {size} 字节，但清单中记录的是 {listed}：胶囊文件的内容在导出后被改动过。未导入任何内容。</translation>
    </message>
    <message>
        <source>{path} was written by a newer Capsule Studio (schema {current}; this version understands up to {known}). Update Capsule Studio to open it; the file was not changed.</source>
        <translation>{path} 由更新版本的 Capsule Studio 写入（架构版本 {current}，当前版本最高只支持 {known}）。请更新 Capsule Studio 后再打开；文件未被更改。</translation>
    </message>
    <message>
        <source>{path} was written by a newer Capsule Studio (settings schema {version}; this one reads up to {known}). Update the app; the file was left as it is.</source>
        <translation>{path} 由更新版本的 Capsule Studio 写入（设置架构版本 {version}，当前版本最高只能读取 {known}）。请更新应用；文件保持原样。</translation>
    </message>
    <message>
        <source>{provider} answered {count} results, none with an http(s) URL; try again, or rephrase the query.</source>
        <translation>{provider} 返回了 {count} 条结果，但没有一条带 http(s) 网址；请重试，或换一种查询方式。</translation>
    </message>
    <message>
        <source>{provider} at {host} answered HTTP {status}: a redirect; check the search_url setting (its address may have moved).</source>
        <translation>{host} 上的 {provider} 返回 HTTP {status}：这是重定向；请检查 search_url 设置（其地址可能已变更）。</translation>
    </message>
    <message>
        <source>{provider} at {host} answered HTTP {status}: it refused the API key. Ask the user to check the key and store a valid one in the web browsing settings.</source>
        <translation>{host} 上的 {provider} 返回 HTTP {status}：它拒绝了 API 密钥。请让用户检查密钥，并在网页浏览设置中保存有效的密钥。</translation>
    </message>
    <message>
        <source>{provider} at {host} answered HTTP {status}: no search API there; check the search_url setting.</source>
        <translation>{host} 上的 {provider} 返回 HTTP {status}：那里没有搜索 API；请检查 search_url 设置。</translation>
    </message>
    <message>
        <source>{provider} at {host} answered HTTP {status}: the rate limit or the plan&apos;s quota is used up. Wait, then try again.</source>
        <translation>{host} 上的 {provider} 返回 HTTP {status}：已达到速率限制或套餐额度已用完。请稍候再试。</translation>
    </message>
    <message>
        <source>{provider} at {host} answered HTTP {status}: the request was refused. Try a simpler query.</source>
        <translation>{host} 上的 {provider} 返回 HTTP {status}：请求被拒绝。请尝试更简单的查询。</translation>
    </message>
    <message>
        <source>{provider} at {host} answered HTTP {status}: the service has a problem right now. Try again later.</source>
        <translation>{host} 上的 {provider} 返回 HTTP {status}：该服务暂时出现问题。请稍后再试。</translation>
    </message>
    <message>
        <source>{provider} at {host} answered HTTP {status}: this SearXNG instance has JSON output turned off. Its admin must add `json` to `search.formats` in settings.yml (formats: [html, json]); or choose another instance or search provider.</source>
        <translation>{host} 上的 {provider} 返回 HTTP {status}：这个 SearXNG 实例关闭了 JSON 输出。需要其管理员在 settings.yml 的 `search.formats` 中加入 `json`（formats: [html, json]）；或者换用其他实例或搜索服务商。</translation>
    </message>
    <message>
        <source>{provider} at {host} answered JSON that is not a search result object.</source>
        <translation>{host} 上的 {provider} 返回的 JSON 不是搜索结果对象。</translation>
    </message>
    <message>
        <source>{provider} at {host} did not answer with JSON (no content type); check the search_url setting.</source>
        <translation>{host} 上的 {provider} 没有返回 JSON（未提供内容类型）；请检查 search_url 设置。</translation>
    </message>
    <message>
        <source>{provider} at {host} did not answer with JSON ({kind}); check the search_url setting.</source>
        <translation>{host} 上的 {provider} 没有返回 JSON（{kind}）；请检查 search_url 设置。</translation>
    </message>
    <message>
        <source>{repo} has no file &apos;{file}&apos; at revision &apos;{revision}&apos;. The name may have changed: see the files at {page}.</source>
        <translation>{repo} 在版本“{revision}”中没有文件“{file}”。文件名可能已更改：请到 {page} 查看文件列表。</translation>
    </message>
    <message>
        <source>{repo} is a gated repository: open {page}, accept its terms while signed in, then set HF_TOKEN to an access token of that account and try again.</source>
        <translation>{repo} 是需要授权的仓库：请打开 {page}，登录后接受其条款，然后把 HF_TOKEN 设为该账号的访问令牌，再试一次。</translation>
    </message>
    <message>
        <source>{thread_id} is not a thread id</source>
        <translation>{thread_id} 不是对话 ID</translation>
    </message>
    <message>
        <source>{tool} needs a `prompt`: describe the picture to make, then call it again.</source>
        <translation>{tool} 需要 `prompt`：请描述要生成的图片，然后再次调用。</translation>
    </message>
    <message>
        <source>{url} answered HTTP {status} {reason}: check the address, or download the document and import the file.</source>
        <translation>{url} 返回 HTTP {status} {reason}：请检查地址，或下载文档后从文件导入。</translation>
    </message>
    <message>
        <source>{url} answered {answer}, a redirect without a target; the page cannot be read.</source>
        <translation>{url} 返回 {answer}，这是一个没有目标的重定向；无法读取该页面。</translation>
    </message>
    <message>
        <source>{url} answered {answer}: the site has a problem right now. Try again later, or use another source.</source>
        <translation>{url} 返回 {answer}：该网站暂时出现问题。请稍后再试，或换用其他来源。</translation>
    </message>
    <message>
        <source>{url} answered {answer}: the site is limiting requests. Wait before trying again, or use another source.</source>
        <translation>{url} 返回 {answer}：该网站正在限制请求。请稍等再试，或换用其他来源。</translation>
    </message>
    <message>
        <source>{url} answered {answer}: the site refused the request. Check the URL ({host}).</source>
        <translation>{url} 返回 {answer}：该网站拒绝了请求。请检查网址（{host}）。</translation>
    </message>
    <message>
        <source>{url} answered {answer}: the site refuses to show this page (it may need a login, or block automated readers). Use another source.</source>
        <translation>{url} 返回 {answer}：该网站拒绝显示此页面（可能需要登录，或屏蔽了自动读取）。请换用其他来源。</translation>
    </message>
    <message>
        <source>{url} answered {answer}: there is no page at this address. Check the URL, or search for the page.</source>
        <translation>{url} 返回 {answer}：此地址没有页面。请检查网址，或搜索该页面。</translation>
    </message>
    <message>
        <source>{url} cannot be reached ({reason}): check the address and your connection.</source>
        <translation>无法访问 {url}（{reason}）：请检查地址和网络连接。</translation>
    </message>
    <message>
        <source>{url} did not answer in time ({seconds} s per read): try again later, or download the document and import the file.</source>
        <translation>{url} 未能及时响应（每次读取 {seconds} 秒）：请稍后重试，或下载文档后从文件导入。</translation>
    </message>
    <message>
        <source>{url} is not an http(s) address: use https://… or a file.</source>
        <translation>{url} 不是 http(s) 地址：请使用 https://… 地址或文件。</translation>
    </message>
    <message>
        <source>{url} redirected more than {count} times: use the document&apos;s final address.</source>
        <translation>{url} 重定向超过 {count} 次：请使用文档的最终地址。</translation>
    </message>
    <message>
        <source>{what} may not go to {host}: link-local addresses (169.254.x.x, fe80::) are where cloud machines hand out their own credentials, so they are never reached from here.</source>
        <translation>{what}不能发往 {host}：链路本地地址（169.254.x.x、fe80::）是云主机发放自身凭据的地方，因此本应用从不访问这些地址。</translation>
    </message>
    <message>
        <source>{what} would send a secret to {host} over plain http, where anyone on the way can read it. Use {https_url}, or allow http for {host} only if it is on a network you trust.</source>
        <translation>{what}会通过明文 http 把密钥发送到 {host}，传输途中任何人都能读取。请改用 {https_url}；只有当 {host} 位于你信任的网络中时，才允许对它使用 http。</translation>
    </message>
    <message>
        <source>{where} is a binary file, not a JSON or YAML document: choose the .json or .yaml file.</source>
        <translation>{where} 是二进制文件，不是 JSON 或 YAML 文档：请选择 .json 或 .yaml 文件。</translation>
    </message>
    <message>
        <source>{where} is not UTF-8 text (byte {offset} cannot be read): save it as UTF-8.</source>
        <translation>{where} 不是 UTF-8 文本（第 {offset} 个字节无法读取）：请另存为 UTF-8。</translation>
    </message>
    <message>
        <source>{where} is too large to import (more than {size}; the limit is {limit}): use a smaller document, for example one with only the operations the assistant needs.</source>
        <translation>{where} 太大，无法导入（超过 {size}，上限为 {limit}）：请使用更小的文档，例如只保留助手需要的操作。</translation>
    </message>
    <message>
        <source>{where} is too large to import ({size}; the limit is {limit}): use a smaller document, for example one with only the operations the assistant needs.</source>
        <translation>{where} 太大，无法导入（{size}，上限为 {limit}）：请使用更小的文档，例如只保留助手需要的操作。</translation>
    </message>
</context>
</TS>
