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
; Exit code of a setup that installed the files but whose self-test failed (also /VERYSILENT).
#define SelfTestFailedExitCode 100

; VersionInfoVersion takes numbers only: the release's leading digits and dots, so 0.2.0rc1
; gives 0.2.0 (0.2.0.dev1 gives 0.2.0).
#define NumericVersion ""
#define VersionDone 0
#define VersionAt 1
#sub TakeVersionChar
  #if !VersionDone && Pos(Copy(AppVersion, VersionAt, 1), "0123456789.") > 0
    #define NumericVersion NumericVersion + Copy(AppVersion, VersionAt, 1)
  #else
    #define VersionDone 1
  #endif
#endsub
#for {VersionAt = 1; VersionAt <= Len(AppVersion); VersionAt++} TakeVersionChar
#if Copy(NumericVersion, Len(NumericVersion), 1) == "."
  #define NumericVersion Copy(NumericVersion, 1, Len(NumericVersion) - 1)
#endif

[Setup]
; The AppId identifies the installation for upgrades and the uninstaller: never change it.
AppId={{96FFAD27-5FA4-428F-AA07-8319706A505D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=smtpgui
VersionInfoVersion={#NumericVersion}
VersionInfoTextVersion={#AppVersion}
; The PATH task changes the environment: Explorer and new consoles are told to reload it.
ChangesEnvironment=yes
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
english.AddToPath=Add smtpgui-cli to the PATH (to use the commands in a console)
spanish.AddToPath=Añadir smtpgui-cli al PATH (para usar los comandos en una consola)
english.SelfTestFailed=smtpgui was installed, but its self-test failed. Run "smtpgui-cli.exe --self-test" in a console in the installation folder to see why.
spanish.SelfTestFailed=smtpgui se instaló, pero su autocomprobación falló. Para ver el motivo, ejecute «smtpgui-cli.exe --self-test» en una consola en la carpeta de instalación.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
; The README tells admins to type smtpgui-cli in a console: offer to put it on the PATH (the
; machine's for an all-users install, the user's otherwise). The uninstaller takes it off.
Name: "addtopath"; Description: "{cm:AddToPath}"; GroupDescription: "{cm:AdditionalIcons}"

[Registry]
Root: HKA; Subkey: "{code:EnvironmentKey}"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NotOnPath(ExpandConstant('{app}'))

[Files]
Source: "dist\smtpgui\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
var
  SelfTestFailed: Boolean;

// After copying the files, run the check CI runs on the Linux package (smtpgui --self-test:
// the window off screen and a test against a built-in mail server on 127.0.0.1). A broken
// installation then says so at once instead of at the first start. The console twin waits
// like any console program; the self-test ends itself after 120 s (self_test.TOTAL_LIMIT_S).
procedure CurStepChanged(CurStep: TSetupStep);
var
  ResultCode: Integer;
begin
  if CurStep = ssPostInstall then
  begin
    if not Exec(ExpandConstant('{app}\{#AppExe}'), '--self-test', '', SW_HIDE,
                ewWaitUntilTerminated, ResultCode) or (ResultCode <> 0) then
    begin
      SelfTestFailed := True;
      Log(Format('smtpgui --self-test failed (exit code %d)', [ResultCode]));
      SuppressibleMsgBox(CustomMessage('SelfTestFailed'), mbError, MB_OK, IDOK);
    end;
  end;
end;

// /VERYSILENT shows no message box: the exit code carries the failure to the deploying script.
function GetCustomSetupExitCode: Integer;
begin
  if SelfTestFailed then
    Result := {#SelfTestFailedExitCode}
  else
    Result := 0;
end;

function EnvironmentKey(Param: String): String;
begin
  if IsAdminInstallMode then
    Result := 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
  else
    Result := 'Environment';
end;

function NotOnPath(Folder: String): Boolean;
var
  Path: String;
begin
  if not RegQueryStringValue(HKA, EnvironmentKey(''), 'Path', Path) then
    Result := True
  else
    Result := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Path) + ';') = 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Path, Folder: String;
  At: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  Folder := ExpandConstant('{app}');
  if not RegQueryStringValue(HKA, EnvironmentKey(''), 'Path', Path) then
    exit;
  At := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Path) + ';');
  if At = 0 then
    exit;
  // At is where the folder starts in Path: take it with the ; before it, or after it when first.
  if At = 1 then
    Delete(Path, 1, Length(Folder) + 1)
  else
    Delete(Path, At - 1, Length(Folder) + 1);
  RegWriteExpandStringValue(HKA, EnvironmentKey(''), 'Path', Path);
end;
