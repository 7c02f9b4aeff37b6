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
Write-Host "已安装到 $target\@FOLDER@ 。"
Write-Host "1. 请完全退出 WPS（包括任务栏通知区域中的 WPS 进程）后重新打开 WPS 表格。"
Write-Host "2. 如果弹出是否信任此加载项的提示，选「信任」或「允许」，然后【再完全退出并重新打开一次】WPS 表格："
Write-Host "   WPS 在弹出信任提示的那一次不会加载加载项，重启后功能区才会出现「年报助手」选项卡。"
$auth = Join-Path $target 'authaddin.json'
if (Test-Path $auth) {
  $authText = [System.IO.File]::ReadAllText($auth)
  if ($authText -match '@NAME@' -and $authText -match '"isload"\s*:\s*false') {
    Write-Host "注意：$auth 中有 isload 为 false 的记录，表示 WPS 拦截了加载项。"
    Write-Host "      请在 WPS 中把年报助手先卸载（或在信任中心移出）再重新安装、信任，然后重启 WPS 表格。"
  }
}
