<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DownloadCard</name>
    <message>
        <source>Download a model</source>
        <translation>下载模型</translation>
    </message>
    <message>
        <source>A free model that runs on this computer, offline. Nothing you type leaves it.</source>
        <translation>免费模型，在本机离线运行，你输入的内容不会离开这台电脑。</translation>
    </message>
    <message>
        <source>Model size and licence</source>
        <translation>模型大小和许可证</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>the download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>No recommended model is listed in the catalog.</source>
        <translation>模型目录中没有推荐的模型。</translation>
    </message>
    <message>
        <source>unknown until the download starts</source>
        <translation>开始下载后可知</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>查询中…</translation>
    </message>
    <message>
        <source>Size: %1 · Licence: %2</source>
        <translation>大小：%1 · 许可证：%2</translation>
    </message>
    <message>
        <source>About this model</source>
        <translation>模型介绍</translation>
    </message>
    <message>
        <source>Resume download (%1 of %2 done)</source>
        <translation>继续下载（已完成 %1/%2）</translation>
    </message>
    <message>
        <source>Resume download (%1 done)</source>
        <translation>继续下载（已完成 %1）</translation>
    </message>
</context>
<context>
    <name>FirstGptPanel</name>
    <message>
        <source>Create your first GPT</source>
        <translation>创建你的第一个 GPT</translation>
    </message>
    <message>
        <source>Create the example GPT: %1</source>
        <translation>创建示例 GPT：%1</translation>
    </message>
    <message>
        <source>Create the example GPT</source>
        <translation>创建示例 GPT</translation>
    </message>
    <message>
        <source>Or start from a template:</source>
        <translation>或者从模板开始：</translation>
    </message>
    <message>
        <source>New GPT from the template %1</source>
        <translation>用模板“%1”新建 GPT</translation>
    </message>
    <message>
        <source>Blank GPT</source>
        <translation>空白 GPT</translation>
    </message>
    <message>
        <source>Create a blank GPT</source>
        <translation>新建空白 GPT</translation>
    </message>
    <message>
        <source>The model %1 is ready to use. Start with a ready example you can chat with now, and change it any time.</source>
        <translation>模型 %1 已可以使用。先用现成的示例马上开始对话，之后可以随时修改。</translation>
    </message>
    <message>
        <source>You have a model (%1) but no GPT yet. Start with a ready example you can chat with now, and change it any time.</source>
        <translation>你已经有模型（%1），但还没有 GPT。先用现成的示例马上开始对话，之后可以随时修改。</translation>
    </message>
    <message>
        <source>New GPTs start with the model %1. Start with a ready example you can chat with now, and change it any time.</source>
        <translation>新建的 GPT 默认使用模型 %1。先用现成的示例马上开始对话，之后可以随时修改。</translation>
    </message>
</context>
<context>
    <name>ImportCard</name>
    <message>
        <source>Use a model file you have</source>
        <translation>使用已有的模型文件</translation>
    </message>
    <message>
        <source>Pick a .gguf model file on this computer. It is checked and copied into your models folder.</source>
        <translation>选择本机上的 .gguf 模型文件，检查无误后会复制到你的模型文件夹。</translation>
    </message>
    <message>
        <source>Choose a GGUF file…</source>
        <translation>选择 GGUF 文件…</translation>
    </message>
    <message>
        <source>Choose a GGUF model file</source>
        <translation>选择 GGUF 模型文件</translation>
    </message>
    <message>
        <source>the import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>KeyCard</name>
    <message>
        <source>Use an online service</source>
        <translation>使用在线服务</translation>
    </message>
    <message>
        <source>Add an API key for OpenAI, DeepSeek, Qwen (DashScope), Moonshot or another OpenAI-compatible service. The key is kept in your system&apos;s keyring.</source>
        <translation>添加 OpenAI、DeepSeek、通义千问（DashScope）、月之暗面或其他兼容 OpenAI 接口的服务的 API 密钥。密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Add an API key…</source>
        <translation>添加 API 密钥…</translation>
    </message>
    <message>
        <source>Add an API key in settings</source>
        <translation>在设置中添加 API 密钥</translation>
    </message>
</context>
<context>
    <name>RecentPanel</name>
    <message>
        <source>Recent GPTs</source>
        <translation>最近使用的 GPT</translation>
    </message>
    <message>
        <source>Pick up where you left off, or make a new GPT.</source>
        <translation>从上次中断的地方继续，或者新建一个 GPT。</translation>
    </message>
    <message>
        <source>New GPT</source>
        <translation>新建 GPT</translation>
    </message>
    <message>
        <source>Create a new GPT</source>
        <translation>新建 GPT</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>取消%1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>%1 s left</source>
        <translation>剩余 %1 秒</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>剩余 %1 分钟</translation>
    </message>
    <message>
        <source>Checking the file… %1%</source>
        <translation>正在校验文件… %1%</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Capsule Studio</source>
        <translation>欢迎使用 Capsule Studio</translation>
    </message>
    <message>
        <source>Build private assistants that run on your own machine.</source>
        <translation>构建在你自己的电脑上运行的私人助手。</translation>
    </message>
    <message>
        <source>Looking for models…</source>
        <translation>正在查找模型…</translation>
    </message>
    <message>
        <source>To answer, a GPT needs a model. Choose one of three ways to get one:</source>
        <translation>GPT 需要一个模型才能回答问题。你可以用以下三种方式之一获取：</translation>
    </message>
    <message>
        <source>New GPT</source>
        <translation>新建 GPT</translation>
    </message>
</context>
</TS>
