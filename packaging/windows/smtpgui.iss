; Inno Setup script: a Windows installer for the frozen one-folder app.
;
;   pyinstaller --noconfirm build.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\smtpgui.iss     (Inno Setup 6.3 or later)
;
; Writes dist\smtpgui-<version>-setup.exe. It installs dist\smtpgui\ (smtpgui.exe, the console
; twin smtpgui-cli.exe and _internal\) for all users or, if the admin chooses, only for the
; current one, adds a Start menu entry, and uninstalls cleanly: the app never writes into its
; own folder (settings live in %APPDATA%\smtpgui, the password in Windows Credential Manager),
; so the uninstaller's list of installed files is the whole of it.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=0.1.0 packaging\windows\smtpgui.iss
#endif
#define AppName "smtpgui"
#define AppExe "smtpgui.exe"

[Setup]
; The AppId identifies the installation for upgrades and the uninstaller: never change it.
AppId={{96FFAD27-5FA4-428F-AA07-8319706A505D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=smtpgui
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SourceDir=..\..
OutputDir=dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=resources\icons\smtpgui.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Closes a running smtpgui before replacing its files, and restarts it afterwards.
CloseApplications=yes
RestartApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[CustomMessages]
english.AppComment=Set up, test and safely store the outgoing mail (SMTP) server
spanish.AppComment=Configurar, probar y guardar de forma segura el servidor de correo saliente (SMTP)
english.SelfTestFailed=smtpgui was installed, but its self-test failed. Run "smtpgui-cli.exe --self-test" in a console in the installation folder to see why.
spanish.SelfTestFailed=smtpgui se instaló, pero su autocomprobación falló. Para ver el motivo, ejecute «smtpgui-cli.exe --self-test» en una consola en la carpeta de instalación.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "dist\smtpgui\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// After copying the files, run the check CI runs on the Linux package (smtpgui --self-test:
// the window off screen and a test against a built-in mail server on 127.0.0.1). A broken
// installation then says so at once instead of at the first start.
procedure CurStepChanged(CurStep: TSetupStep);
var
  ResultCode: Integer;
begin
  if CurStep = ssPostInstall then
  begin
    if not Exec(ExpandConstant('{app}\{#AppExe}'), '--self-test', '', SW_HIDE,
                ewWaitUntilTerminated, ResultCode) or (ResultCode <> 0) then
      SuppressibleMsgBox(CustomMessage('SelfTestFailed'), mbError, MB_OK, IDOK);
  end;
end;
