@echo off
rem nianbao WPS add-in: offline install for the current Windows user (runs install-windows.ps1).
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install-windows.ps1"
pause
