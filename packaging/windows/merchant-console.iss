; Merchant Console (商家控制台) — Windows installer, Inno Setup 6.
;
; Built by packaging\build.py on Windows after it has frozen and smoke-tested dist\merchant-console:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\merchant-console /DOutputDir=dist ^
;        /DIconFile=build\assets\app.ico packaging\windows\merchant-console.iss
; It cannot be built on the Linux development machines: see packaging\README.md.
;
; Per-user install by default (no admin prompt; {autopf} = %LOCALAPPDATA%\Programs), per-machine
; if the user picks it. The program goes to {app}; the merchant's data never does: it lives in
; %LOCALAPPDATA%\merchant-console (platformdirs), which neither an upgrade nor the uninstaller
; touches. This file is UTF-8 with a BOM (Inno Setup reads the Chinese texts correctly only so).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\merchant-console"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "Merchant Console"
#define AppExe "merchant-console.exe"

[Setup]
; Never change AppId: upgrades find the installed version by it.
AppId={{6E0B8C52-3F1D-4C8A-9D7E-2A51C4B3F9A1}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=merchant-console-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
#ifdef IconFile
  #if FileExists(IconFile)
SetupIconFile={#IconFile}
  #endif
#endif
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; An upgrade while the app runs: the Restart Manager asks it to close first.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese ships with newer Inno Setup releases only (older ones: Languages\Unofficial).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
  #define HaveChinese
#endif

[CustomMessages]
en.AppTitle=Merchant Console
en.AppComment=WeChat Pay and Alipay for your Taobao and Tmall stores
#ifdef HaveChinese
zh_CN.AppTitle=商家控制台
zh_CN.AppComment=管理淘宝和天猫店铺的微信支付与支付宝
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle; files an older version had and this one lacks are removed first.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A previous version's bundle: replace it whole so no stale library outlives an upgrade.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for user data on purpose: %LOCALAPPDATA%\merchant-console stays. To remove
; it as well, delete that folder by hand (packaging\README.md).
