<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionEditor</name>
    <message>
        <source>Action name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address (instead of the document&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations, each with a switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch every operation on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch every operation off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this action from the GPT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched-off operations are never offered to the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (OpenAPI %3): %4 of %5 operations on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a user name and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth2 client credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API asks for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document names no full server address: give one here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionImport</name>
    <message>
        <source>A file, or an https:// address of an OpenAPI document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAPI document: file or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an OpenAPI file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the document&apos;s text instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the OpenAPI document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAPI document text (JSON or YAML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste an OpenAPI 2.0, 3.0 or 3.1 document here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the document first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a file or an address first, or paste the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an OpenAPI document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAPI documents (*.json *.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionsSection</name>
    <message>
        <source>The GPT&apos;s actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No actions yet: import an OpenAPI document to let the GPT call an API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions ask before calling a host for the first time; these hosts were allowed for good. Forget one to be asked again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 on)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AllowList</name>
    <message>
        <source>Hosts allowed without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hosts yet. The first call to a host asks you; &apos;always allow&apos; puts the host here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget %1: ask again before calling it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthEditor</name>
    <message>
        <source>Authentication type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth2 client credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the API key goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cookie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key&apos;s header or parameter name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth2 token address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth2 scopes, separated by spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the secret to the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the secret first, then save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keyring: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing stored yet: calls will fail until you save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it, then save it to the keyring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AvatarPicker</name>
    <message>
        <source>Avatar preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An emoji or symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avatar emoji</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avatar colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an image file as the avatar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the name&apos;s initial as the avatar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An avatar emoji is one emoji or a short symbol, without spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an avatar image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuilderForm</name>
    <message>
        <source>Knowledge files cannot be managed in this build of Capsule Studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts of the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile and instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has problems to fix</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configure the GPT with the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the GPT by describing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft and version status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes since the last version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the form as a new version (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge files cannot be added in this build of Capsule Studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes since version %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore version %1? The changes not saved as a version are discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 · all changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 · draft kept, not saved as a version yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 · keeping the draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving a new version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not kept: fix the marked fields</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CapabilitiesSection</name>
    <message>
        <source>Code interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the GPT run Python code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit per run, seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory limit, MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU time limit, seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most processes at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest file it may write, MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest file (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the code sandbox settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web browsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the GPT read web pages and search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No search (fetch pages only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search service address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SearXNG: http://localhost:8888</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results per query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the search key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the search service&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the GPT make pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. gpt-image-1, or empty for its default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WIDTHxHEIGHT in pixels, or auto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not set up)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Saved versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences between the versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the selected version current again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one version to see what it changed, or two to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 is the first: nothing before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From version %1 to version %2: %3 changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayersSpin</name>
    <message>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Where the model runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for models again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory the model needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer (llama.cpp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not set up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s id at the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unusable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the provider&apos;s models (%1). Type the model&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the provider for its models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs at %1; what you send goes to that service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This provider is not set up: add it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model chosen: pick one of the GGUF files on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is not among the local models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no chat template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters · trained context %4 · %5 on disk · %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimating the memory it needs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 at %2 tokens of context (weights %3, KV cache %4); %5 of %6 RAM is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU (%1): %2 of %3 layers, about %4 of %5 free video memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This llama.cpp build has no GPU offload: it all runs on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough free RAM: choose a smaller model or context.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough free video memory: lower the GPU layers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelSection</name>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum tokens per answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher gives more varied answers, lower more predictable ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples only from the likeliest words that add up to this share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest answer, in tokens; a runaway model stops there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many tokens the model sees at once; more remembers more and uses more memory. Default: 4,096 on this computer, the provider&apos;s otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many layers run on the GPU; Auto puts all of them there when llama.cpp can use a GPU, none otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling and memory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationsModel</name>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer %1 to the model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Too long: keep it to %1 characters at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short: give at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too small: give %1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give more than %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too large: give %1 or less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not in the right form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is empty: give the GPT a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are %1 conversation starters; keep at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conversation starter is %1 characters long; keep each to %2 at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name: give it as api.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth &apos;%1&apos; needs its key: save the key first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileSection</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the GPT is called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One line on what it does, for the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the GPT does, how it behaves, what it should avoid…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of the instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect the instructions and knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown as buttons when a conversation starts; drag to reorder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation starters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When on, the GPT declines to reveal its instructions or quote its knowledge at length, and long verbatim copies are withheld from answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 characters · about %3 tokens (estimated)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptPreview</name>
    <message>
        <source>Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to cite knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to cite web pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per part of the system prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system prompt the model gets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system prompt: write instructions or switch on a capability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 tokens in all (estimated; the model&apos;s tokenizer decides)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reach</name>
    <message>
        <source>Runs the Python code the model writes, here on this computer, with the conversation&apos;s files in its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking what this computer&apos;s sandbox protects…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network: none (a Linux network namespace).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network: blocked inside Python only (no network namespace here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files: it sees only the system, Python and its conversation&apos;s folder (bubblewrap); your home folder does not exist for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files: it reads only the system, Python and its folder, and writes only there (Landlock).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files: NOT isolated: it can read and change what you can, your home folder included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes: all of them end with the session (a PID namespace).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User: the unprivileged user nobody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetches any web page the model asks for, asking you before each new site, and reads its text into the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searches go to %1 with the model&apos;s query.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a provider whose server makes images; nothing is sent until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends the model&apos;s picture descriptions to %1 (%2); the pictures are saved with the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartersEditor</name>
    <message>
        <source>Conversation starters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a conversation starter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected starter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected starter up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected starter down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New conversation starter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
