#!/bin/sh
# 年报助手 WPS 加载项：离线安装（统信 UOS / 银河麒麟 等 Linux，当前用户）。
# 把 @FOLDER@ 复制到 WPS 的 jsaddons 目录，并在 publish.xml 中登记（保留其他加载项的登记）。
# 用法：sh install-linux.sh          可用 WPS_JSADDONS=/其他/目录 指定 jsaddons 位置
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
if [ -n "$WPS_JSADDONS" ]; then
  TARGET=$WPS_JSADDONS
elif [ -d "$HOME/.local/share/Kingsoft/wps/jsaddons" ] || [ ! -d "$HOME/.kingsoft/wps/jsaddons" ]; then
  TARGET=$HOME/.local/share/Kingsoft/wps/jsaddons
else
  TARGET=$HOME/.kingsoft/wps/jsaddons
fi
mkdir -p "$TARGET"
# Earlier versions of this add-in only: other add-ins' folders are left alone.
for old in "$TARGET"/@NAME@_*; do
  [ -d "$old" ] && rm -rf "$old"
done
cp -R "$HERE/@FOLDER@" "$TARGET/"
PUB=$TARGET/publish.xml
ENTRY='@ENTRY@'
if [ ! -s "$PUB" ] || ! grep -q '<jsplugins' "$PUB"; then
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  %s\n</jsplugins>\n' "$ENTRY" > "$PUB"
else
  cp "$PUB" "$PUB.bak"
  # Drop our previous line, then add ours before </jsplugins> (or expand an empty <jsplugins/>).
  grep -v 'name="@NAME@"' "$PUB.bak" | sed -e "s|<jsplugins */>|<jsplugins>\n</jsplugins>|" -e "s|</jsplugins>|  $ENTRY\n</jsplugins>|" > "$PUB"
fi
echo "已安装到 $TARGET/@FOLDER@ 。"
echo "1. 请完全退出 WPS（包括托盘中的 WPS 进程）后重新打开 WPS 表格。"
echo "2. 如果弹出是否信任此加载项的提示，选「信任」或「允许」，然后【再完全退出并重新打开一次】WPS 表格："
echo "   WPS 在弹出信任提示的那一次不会加载加载项，重启后功能区才会出现「年报助手」选项卡。"
if [ -f "$TARGET/authaddin.json" ] && grep -q '@NAME@' "$TARGET/authaddin.json" && grep -q '"isload" *: *false' "$TARGET/authaddin.json"; then
  echo "注意：$TARGET/authaddin.json 中有 isload 为 false 的记录，表示 WPS 拦截了加载项。"
  echo "      请在 WPS 中把年报助手先卸载（或在信任中心移出）再重新安装、信任，然后重启 WPS 表格。"
fi
