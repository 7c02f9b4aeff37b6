# 年报助手 WPS 加载项：离线安装（Windows，当前用户）。把 @FOLDER@ 复制到 %APPDATA%\kingsoft\wps\jsaddons，
# 并在 publish.xml 中登记（保留其他加载项的登记）。兼容 Windows 7 自带的 PowerShell 2.0。
$ErrorActionPreference = 'Stop'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$target = Join-Path $env:APPDATA 'kingsoft\wps\jsaddons'
if (-not (Test-Path $target)) { New-Item -ItemType Directory -Path $target | Out-Null }
Get-ChildItem $target | Where-Object { $_.PSIsContainer -and $_.Name -like '@NAME@_*' } | Remove-Item -Recurse -Force
Copy-Item (Join-Path $here '@FOLDER@') $target -Recurse -Force
$pub = Join-Path $target 'publish.xml'
$entry = [xml]'@ENTRY@'
if (Test-Path $pub) {
  Copy-Item $pub "$pub.bak" -Force
  $doc = New-Object System.Xml.XmlDocument
  $doc.Load($pub)
} else {
  $doc = New-Object System.Xml.XmlDocument
  $doc.LoadXml('<?xml version="1.0" encoding="UTF-8"?><jsplugins></jsplugins>')
}
$rootNode = $doc.DocumentElement
foreach ($old in @($rootNode.SelectNodes("*[@name='@NAME@']"))) { [void]$rootNode.RemoveChild($old) }
[void]$rootNode.AppendChild($doc.ImportNode($entry.DocumentElement, $true))
$doc.Save($pub)
Write-Host "已安装到 $target\@FOLDER@ 。请完全退出 WPS（包括任务栏通知区域中的 WPS 进程）后重新打开 WPS 表格，功能区会出现「年报助手」选项卡。"
