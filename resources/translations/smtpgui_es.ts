<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ArrivalFields</name>
    <message>
        <source>Chec&amp;k that it arrived</source>
        <translation>Co&amp;mprobar que llegó</translation>
    </message>
    <message>
        <source>After a passed test, look for the test message in the test recipient&apos;s mailbox (IMAP): in the Inbox or in the junk folder. It only reads.</source>
        <translation>Tras una prueba superada, buscar el mensaje de prueba en el buzón del destinatario de prueba (IMAP): en la bandeja de entrada o en la carpeta de correo no deseado. Solo lee.</translation>
    </message>
    <message>
        <source>imap.example.com:993</source>
        <translation>imap.example.com:993</translation>
    </message>
    <message>
        <source>IMAP server</source>
        <translation>Servidor IMAP</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automática</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>IMAP security</source>
        <translation>Seguridad IMAP</translation>
    </message>
    <message>
        <source>Automatic: SSL/TLS, or STARTTLS on port 143</source>
        <translation>Automática: SSL/TLS, o STARTTLS en el puerto 143</translation>
    </message>
    <message>
        <source>Same login as SMTP</source>
        <translation>Mismo inicio de sesión que SMTP</translation>
    </message>
    <message>
        <source>the mailbox&apos;s user name</source>
        <translation>el usuario del buzón</translation>
    </message>
    <message>
        <source>kept in memory only, never saved</source>
        <translation>solo en memoria, nunca se guarda</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Delete the test message afterwards</source>
        <translation>Borrar después el mensaje de prueba</translation>
    </message>
    <message>
        <source>IMAP server:</source>
        <translation>Servidor IMAP:</translation>
    </message>
    <message>
        <source>Mailbox user:</source>
        <translation>Usuario del buzón:</translation>
    </message>
    <message>
        <source>Mailbox password:</source>
        <translation>Contraseña del buzón:</translation>
    </message>
    <message>
        <source>Wait up to:</source>
        <translation>Esperar hasta:</translation>
    </message>
</context>
<context>
    <name>CertificatePanel</name>
    <message>
        <source>Server certificate</source>
        <translation>Certificado del servidor</translation>
    </message>
    <message>
        <source>Accept only this certificate (pin it)</source>
        <translation>Aceptar solo este certificado (fijarlo)</translation>
    </message>
    <message>
        <source>For a company server with a certificate of its own: from now on the test accepts exactly this certificate, and refuses any other.</source>
        <translation>Para un servidor de la empresa con un certificado propio: a partir de ahora, la prueba acepta exactamente este certificado y rechaza cualquier otro.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>NOT checked (checking is turned off)</source>
        <translation>NO comprobado (la comprobación está desactivada)</translation>
    </message>
    <message>
        <source>pinned: exactly the accepted certificate</source>
        <translation>fijado: es exactamente el certificado aceptado</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>de confianza</translation>
    </message>
    <message>
        <source>not checked: the test stopped before</source>
        <translation>sin comprobar: la prueba se detuvo antes</translation>
    </message>
    <message>
        <source>(expired)</source>
        <translation>(caducado)</translation>
    </message>
    <message>
        <source>(not valid yet)</source>
        <translation>(todavía no es válido)</translation>
    </message>
    <message>
        <source>(self-signed)</source>
        <translation>(autofirmado)</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>Emitido para</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Nombres</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Emitido por</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Válido</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Test, store and use the outgoing mail (SMTP) server, without the window.</source>
        <translation>Pruebe, guarde y use el servidor de correo saliente (SMTP), sin la ventana.</translation>
    </message>
    <message>
        <source>Exit codes: </source>
        <translation>Códigos de salida: </translation>
    </message>
    <message>
        <source>run the test (and --save on success)</source>
        <translation>ejecutar la prueba (y --save si sale bien)</translation>
    </message>
    <message>
        <source>print the saved settings (never the password)</source>
        <translation>mostrar la configuración guardada (nunca la contraseña)</translation>
    </message>
    <message>
        <source>print one JSON object</source>
        <translation>imprimir un objeto JSON</translation>
    </message>
    <message>
        <source>delete the saved settings and the stored password</source>
        <translation>borrar la configuración guardada y la contraseña almacenada</translation>
    </message>
    <message>
        <source>write the saved settings to a profile file</source>
        <translation>escribir la configuración guardada en un archivo de perfil</translation>
    </message>
    <message>
        <source>the profile to write (&apos;-&apos; for standard output)</source>
        <translation>el perfil que se escribe (&apos;-&apos; para la salida estándar)</translation>
    </message>
    <message>
        <source>test the settings of a profile and save them</source>
        <translation>probar la configuración de un perfil y guardarla</translation>
    </message>
    <message>
        <source>the profile to read (&apos;-&apos; for standard input)</source>
        <translation>el perfil que se lee (&apos;-&apos; para la entrada estándar)</translation>
    </message>
    <message>
        <source>recipient (repeatable)</source>
        <translation>destinatario (se puede repetir)</translation>
    </message>
    <message>
        <source>copy to (repeatable)</source>
        <translation>copia a (se puede repetir)</translation>
    </message>
    <message>
        <source>print the SMTP conversation</source>
        <translation>mostrar la conversación SMTP</translation>
    </message>
    <message>
        <source>find the server settings from an address</source>
        <translation>buscar la configuración del servidor a partir de una dirección</translation>
    </message>
    <message>
        <source>send a mail (or --batch) with the saved settings</source>
        <translation>enviar un correo (o --batch) con la configuración guardada</translation>
    </message>
    <message>
        <source>will mail From this address arrive? SPF, DKIM, DMARC</source>
        <translation>¿llegará el correo con este remitente? SPF, DKIM, DMARC</translation>
    </message>
    <message>
        <source>the language of the messages (default: the system&apos;s)</source>
        <translation>el idioma de los mensajes (predeterminado: el del sistema)</translation>
    </message>
    <message>
        <source>the address mail is sent From</source>
        <translation>la dirección remitente del correo</translation>
    </message>
    <message>
        <source>the server mail goes through (default: the saved one)</source>
        <translation>el servidor por el que sale el correo (predeterminado: el guardado)</translation>
    </message>
    <message>
        <source>seconds per DNS question</source>
        <translation>segundos por consulta DNS</translation>
    </message>
    <message>
        <source>ask this DNS server instead of the system&apos;s (split-horizon DNS)</source>
        <translation>preguntar a este servidor DNS en lugar del del sistema (DNS de horizonte dividido)</translation>
    </message>
    <message>
        <source>the subject (standard input is the text)</source>
        <translation>el asunto (la entrada estándar es el texto)</translation>
    </message>
    <message>
        <source>send every message of a folder of .eml files or of an mbox, on one connection</source>
        <translation>enviar todos los mensajes de una carpeta de archivos .eml o de un mbox, en una sola conexión</translation>
    </message>
    <message>
        <source>messages a minute</source>
        <translation>mensajes por minuto</translation>
    </message>
    <message>
        <source>with --batch: at most this many a minute (default: the provider&apos;s published limit)</source>
        <translation>con --batch: como mucho esta cantidad por minuto (predeterminado: el límite publicado del proveedor)</translation>
    </message>
    <message>
        <source>the e-mail address that will send</source>
        <translation>la dirección de correo que enviará</translation>
    </message>
    <message>
        <source>also ask autoconfig.&lt;domain&gt; and Thunderbird&apos;s ISPDB (web requests)</source>
        <translation>consultar también autoconfig.&lt;domain&gt; (su dominio) y la ISPDB de Thunderbird (consultas web)</translation>
    </message>
    <message>
        <source>do not connect to guessed host names</source>
        <translation>no conectarse a nombres de servidor supuestos</translation>
    </message>
    <message>
        <source>seconds, 1 to 300 (default 10)</source>
        <translation>segundos, de 1 a 300 (predeterminado 10)</translation>
    </message>
    <message>
        <source>host, ssl://host:465, tls://host:587; backups after ;</source>
        <translation>servidor, ssl://servidor:465, tls://servidor:587; los de respaldo tras ;</translation>
    </message>
    <message>
        <source>the encryption: none, STARTTLS on 587/25, TLS on 465</source>
        <translation>el cifrado: none (ninguno), STARTTLS en 587/25, TLS en 465</translation>
    </message>
    <message>
        <source>a port</source>
        <translation>un puerto</translation>
    </message>
    <message>
        <source>1 to 65535</source>
        <translation>de 1 a 65535</translation>
    </message>
    <message>
        <source>how to log in (default: auto, the best offered)</source>
        <translation>cómo iniciar sesión (predeterminado: auto, el mejor que se ofrezca)</translation>
    </message>
    <message>
        <source>the login user name</source>
        <translation>el nombre de usuario para iniciar sesión</translation>
    </message>
    <message>
        <source>force this From on every mail</source>
        <translation>forzar este remitente en todos los correos</translation>
    </message>
    <message>
        <source>the test recipient (your own address)</source>
        <translation>el destinatario de la prueba (su propia dirección)</translation>
    </message>
    <message>
        <source>trust only the CAs in this file (PEM or DER)</source>
        <translation>confiar solo en las CA de este archivo (PEM o DER)</translation>
    </message>
    <message>
        <source>which certificates to accept (default: system; insecure checks none)</source>
        <translation>qué certificados aceptar (predeterminado: system; insecure no comprueba ninguno)</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the one certificate to accept</source>
        <translation>huella SHA-256 del único certificado que se acepta</translation>
    </message>
    <message>
        <source>seconds per step, 1 to 300 (default 15)</source>
        <translation>segundos por paso, de 1 a 300 (predeterminado 15)</translation>
    </message>
    <message>
        <source>allow login without encryption</source>
        <translation>permitir iniciar sesión sin cifrado</translation>
    </message>
    <message>
        <source>stop after AUTH, send nothing</source>
        <translation>parar después de AUTH, sin enviar nada</translation>
    </message>
    <message>
        <source>save the settings if the test passes</source>
        <translation>guardar la configuración si la prueba sale bien</translation>
    </message>
    <message>
        <source>print one JSON object, no transcript</source>
        <translation>imprimir un objeto JSON, sin la conversación</translation>
    </message>
    <message>
        <source>skip the SPF/DKIM/DMARC check of the From domain after a passed test</source>
        <translation>omitir la comprobación SPF/DKIM/DMARC del dominio remitente tras una prueba superada</translation>
    </message>
    <message>
        <source>arrival</source>
        <translation>llegada</translation>
    </message>
    <message>
        <source>after a passed test, look for the message in the recipient&apos;s mailbox (IMAP)</source>
        <translation>tras una prueba superada, buscar el mensaje en el buzón del destinatario (IMAP)</translation>
    </message>
    <message>
        <source>the mailbox&apos;s IMAP server (993 TLS, 143 STARTTLS); without one, the provider&apos;s</source>
        <translation>el servidor IMAP del buzón (993 TLS, 143 STARTTLS); sin él, el del proveedor</translation>
    </message>
    <message>
        <source>the IMAP server&apos;s encryption</source>
        <translation>el cifrado del servidor IMAP</translation>
    </message>
    <message>
        <source>the IMAP login (default: --user)</source>
        <translation>el usuario IMAP (predeterminado: --user)</translation>
    </message>
    <message>
        <source>wait this long</source>
        <translation>esperar este tiempo</translation>
    </message>
    <message>
        <source>delete the test message once found</source>
        <translation>borrar el mensaje de prueba una vez encontrado</translation>
    </message>
    <message>
        <source>sign in instead of a password (any of these selects --auth oauth2)</source>
        <translation>iniciar sesión en lugar de usar una contraseña (cualquiera de estas opciones elige --auth oauth2)</translation>
    </message>
    <message>
        <source>take the OAuth2 addresses and scopes from this catalogue entry</source>
        <translation>tomar las direcciones y los permisos OAuth2 de esta entrada del catálogo</translation>
    </message>
    <message>
        <source>the client (application) ID of the app registration</source>
        <translation>el ID de cliente (aplicación) del registro de la aplicación</translation>
    </message>
    <message>
        <source>the directory (Microsoft: ID or domain) for {tenant}</source>
        <translation>el directorio (Microsoft: ID o dominio) para {tenant}</translation>
    </message>
    <message>
        <source>the provider&apos;s authorization endpoint</source>
        <translation>la dirección de autorización del proveedor</translation>
    </message>
    <message>
        <source>the provider&apos;s token endpoint</source>
        <translation>la dirección de tokens del proveedor</translation>
    </message>
    <message>
        <source>the provider&apos;s device authorization endpoint</source>
        <translation>la dirección de autorización de dispositivos del proveedor</translation>
    </message>
    <message>
        <source>the scopes to ask for, separated by spaces</source>
        <translation>los permisos (scopes) que se piden, separados por espacios</translation>
    </message>
    <message>
        <source>read the client secret from standard input (never give it as an argument)</source>
        <translation>leer el secreto de cliente de la entrada estándar (nunca lo dé como argumento)</translation>
    </message>
    <message>
        <source>sign in first: in this computer&apos;s browser, or with a code on another device</source>
        <translation>iniciar sesión primero: en el navegador de este equipo, o con un código en otro dispositivo</translation>
    </message>
    <message>
        <source>read the password from standard input (never give it as an argument)</source>
        <translation>leer la contraseña de la entrada estándar (nunca la dé como argumento)</translation>
    </message>
    <message>
        <source>{text} is out of range: {unit} from {low} to {high}</source>
        <translation>{text} está fuera del rango: {unit} de {low} a {high}</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>--save needs a real test message: drop --no-send</source>
        <translation>--save necesita un mensaje de prueba real: quite --no-send</translation>
    </message>
    <message>
        <source>cannot import {file}: {error}</source>
        <translation>no se puede importar {file}: {error}</translation>
    </message>
    <message>
        <source>the profile and the password cannot both come from standard input</source>
        <translation>el perfil y la contraseña no pueden venir los dos de la entrada estándar</translation>
    </message>
    <message>
        <source>no settings are saved: give at least --server and --to</source>
        <translation>no hay ninguna configuración guardada: indique al menos --server y --to</translation>
    </message>
    <message>
        <source>invalid settings: {errors}</source>
        <translation>configuración no válida: {errors}</translation>
    </message>
    <message>
        <source>Password for {user}: </source>
        <translation>Contraseña de {user}: </translation>
    </message>
    <message>
        <source>no password for this server: {why} Pipe it in with --password-stdin.</source>
        <translation>no hay contraseña para este servidor: {why} Pásela por la entrada estándar con --password-stdin.</translation>
    </message>
    <message>
        <source>No outgoing mail server is saved ({path}).</source>
        <translation>No hay ningún servidor de correo saliente guardado ({path}).</translation>
    </message>
    <message>
        <source>Settings file: {path}</source>
        <translation>Archivo de configuración: {path}</translation>
    </message>
    <message>
        <source>INSECURE: {what}</source>
        <translation>INSEGURO: {what}</translation>
    </message>
    <message>
        <source>the settings file is deleted, but {error}</source>
        <translation>el archivo de configuración está borrado, pero {error}</translation>
    </message>
    <message>
        <source>{path} cannot be deleted ({error}); nothing was changed</source>
        <translation>no se puede borrar {path} ({error}); no se cambió nada</translation>
    </message>
    <message>
        <source>The saved settings and the stored password are deleted.</source>
        <translation>La configuración guardada y la contraseña almacenada están borradas.</translation>
    </message>
    <message>
        <source>no settings are saved: nothing to export</source>
        <translation>no hay ninguna configuración guardada: no hay nada que exportar</translation>
    </message>
    <message>
        <source>cannot write {file}: {error}</source>
        <translation>no se puede escribir {file}: {error}</translation>
    </message>
    <message>
        <source>Exported to {file} (without the password).</source>
        <translation>Exportado a {file} (sin la contraseña).</translation>
    </message>
    <message>
        <source>--batch sends the messages as they are: drop --to, --cc and --subject</source>
        <translation>--batch envía los mensajes tal como están: quite --to, --cc y --subject</translation>
    </message>
    <message>
        <source>--per-minute goes with --batch</source>
        <translation>--per-minute va con --batch</translation>
    </message>
    <message>
        <source>the message on standard input: {error}</source>
        <translation>el mensaje de la entrada estándar: {error}</translation>
    </message>
    <message>
        <source>Sent to {recipients}.</source>
        <translation>Enviado a {recipients}.</translation>
    </message>
    <message>
        <source>send needs --to and --subject (or --batch PATH)</source>
        <translation>send necesita --to y --subject (o --batch RUTA)</translation>
    </message>
    <message>
        <source>Nothing found for {address}: no source knew the domain, no guessed host answered.</source>
        <translation>No se encontró nada para {address}: ninguna fuente conocía el dominio y ningún servidor supuesto respondió.</translation>
    </message>
    <message>
        <source>Suggestions for {address}, best first (test one with: smtpgui check --server ...):</source>
        <translation>Sugerencias para {address}, la mejor primero (pruebe una con: smtpgui check --server ...):</translation>
    </message>
    <message>
        <source>from {source}</source>
        <translation>de {source}</translation>
    </message>
    <message>
        <source>--client-secret-stdin and --password-stdin cannot both read standard input</source>
        <translation>--client-secret-stdin y --password-stdin no pueden leer los dos la entrada estándar</translation>
    </message>
    <message>
        <source>--provider {id}: {problem}; the providers with OAuth2 are: {ids}</source>
        <translation>--provider {id}: {problem}; los proveedores con OAuth2 son: {ids}</translation>
    </message>
    <message>
        <source>--sign-in and --client-secret-stdin need --auth oauth2</source>
        <translation>--sign-in y --client-secret-stdin necesitan --auth oauth2</translation>
    </message>
    <message>
        <source>--client-secret-stdin: the first line of standard input is empty</source>
        <translation>--client-secret-stdin: la primera línea de la entrada estándar está vacía</translation>
    </message>
    <message>
        <source>Opening the browser to sign in: {url}</source>
        <translation>Abriendo el navegador para iniciar sesión: {url}</translation>
    </message>
    <message>
        <source>To sign in, open {url} and enter the code {code}</source>
        <translation>Para iniciar sesión, abra {url} e introduzca el código {code}</translation>
    </message>
    <message>
        <source>the sign-in failed: {error}</source>
        <translation>el inicio de sesión falló: {error}</translation>
    </message>
    <message>
        <source>password</source>
        <translation>la contraseña</translation>
    </message>
    <message>
        <source>sign-in</source>
        <translation>el inicio de sesión</translation>
    </message>
    <message>
        <source>OK: the server accepted the test message in {ms} ms.</source>
        <translation>Correcto: el servidor aceptó el mensaje de prueba en {ms} ms.</translation>
    </message>
    <message>
        <source>Saved: the {secret} in the keyring, the rest in the settings file.</source>
        <translation>Guardado: {secret} en el almacén de contraseñas, el resto en el archivo de configuración.</translation>
    </message>
    <message>
        <source>Nothing was saved: {error}</source>
        <translation>No se guardó nada: {error}</translation>
    </message>
    <message>
        <source>Deliverability: {note}</source>
        <translation>Entregabilidad: {note}</translation>
    </message>
    <message>
        <source>UNCERTAIN at {step}: {title}</source>
        <translation>SIN CONFIRMAR en {step}: {title}</translation>
    </message>
    <message>
        <source>FAILED at {step}: {title}</source>
        <translation>FALLÓ en {step}: {title}</translation>
    </message>
    <message>
        <source>Server: {reply}</source>
        <translation>Servidor: {reply}</translation>
    </message>
    <message>
        <source>Tip: {hint}</source>
        <translation>Consejo: {hint}</translation>
    </message>
    <message>
        <source>Deliverability of mail From {domain} through {server}:</source>
        <translation>Entregabilidad del correo con remitente {domain} a través de {server}:</translation>
    </message>
    <message>
        <source>Deliverability of mail From {domain}:</source>
        <translation>Entregabilidad del correo con remitente {domain}:</translation>
    </message>
    <message>
        <source>found:   {record}</source>
        <translation>hallado:  {record}</translation>
    </message>
    <message>
        <source>publish: {record}</source>
        <translation>publicar: {record}</translation>
    </message>
    <message>
        <source>{path}: no .eml file in this folder</source>
        <translation>{path}: no hay ningún archivo .eml en esta carpeta</translation>
    </message>
    <message>
        <source>{path}: no such folder or mbox file</source>
        <translation>{path}: no existe esa carpeta ni ese archivo mbox</translation>
    </message>
    <message>
        <source>{path}: no message in this mbox</source>
        <translation>{path}: no hay ningún mensaje en este mbox</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>no se puede leer {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>usage: </source>
        <translation>uso: </translation>
    </message>
    <message>
        <source>Set up, test and safely store the outgoing mail (SMTP) server. The commands check, show, forget, export, import, send, discover and domain-check work without the window (smtpgui check --help).</source>
        <translation>Configura, prueba y guarda de forma segura el servidor de correo saliente (SMTP). Los comandos check, show, forget, export, import, send, discover y domain-check funcionan sin la ventana (smtpgui check --help).</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opciones</translation>
    </message>
    <message>
        <source>show this help and exit</source>
        <translation>muestra esta ayuda y termina</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>muestra la versión y termina</translation>
    </message>
    <message>
        <source>the language of the window (default: the system&apos;s language)</source>
        <translation>el idioma de la ventana (de forma predeterminada, el del sistema)</translation>
    </message>
    <message>
        <source>start a local demo mail server and open the window pointed at it (uses a temporary config folder and keyring)</source>
        <translation>inicia un servidor de correo de demostración local y abre la ventana configurada para él (usa una carpeta de configuración y un almacén de contraseñas temporales)</translation>
    </message>
    <message>
        <source>open the window off screen, test against a built-in mail server and exit with 0 only if everything worked (for installers and CI)</source>
        <translation>abre la ventana fuera de la pantalla, hace una prueba con un servidor de correo integrado y termina con 0 solo si todo funcionó (para instaladores e integración continua)</translation>
    </message>
    <message>
        <source>with --self-test: offscreen (default, needs no display) or native, the platform the window really uses, to prove it can open here</source>
        <translation>con --self-test: offscreen (predeterminada, no necesita pantalla) o native, la plataforma que la ventana usa de verdad, para comprobar que puede abrirse aquí</translation>
    </message>
</context>
<context>
    <name>Deliverability</name>
    <message>
        <source>The domain check took too long.</source>
        <translation>La comprobación del dominio tardó demasiado.</translation>
    </message>
    <message>
        <source>The domain check could not run: {reason}</source>
        <translation>No se pudo hacer la comprobación del dominio: {reason}</translation>
    </message>
    <message>
        <source>DNS changes can take up to an hour to be seen everywhere; then run the test again.</source>
        <translation>Los cambios de DNS pueden tardar hasta una hora en verse en todas partes; después, repita la prueba.</translation>
    </message>
    <message>
        <source>At the company that hosts the DNS of {domain}, publish this TXT record at {domain} (replacing the SPF record there, if any): {record}</source>
        <translation>En la empresa que aloja el DNS de {domain}, publique este registro TXT en {domain} (en lugar del registro SPF que haya): {record}</translation>
    </message>
    <message>
        <source>SPF allows this server to send for {domain}</source>
        <translation>SPF permite a este servidor enviar por {domain}</translation>
    </message>
    <message>
        <source>The SPF record of {domain} contains {sender}, so receiving servers see that the mail comes from a server allowed to send for the domain.</source>
        <translation>El registro SPF de {domain} contiene {sender}, así que los servidores que reciben el correo ven que viene de un servidor autorizado a enviar por el dominio.</translation>
    </message>
    <message>
        <source>{domain} has no SPF record</source>
        <translation>{domain} no tiene registro SPF</translation>
    </message>
    <message>
        <source>Receiving servers cannot tell whether this server may send mail from {domain}. Many put such mail in spam, and Gmail and Yahoo reject it.</source>
        <translation>Los servidores que reciben el correo no pueden saber si este servidor puede enviar correo de {domain}. Muchos lo ponen en spam, y Gmail y Yahoo lo rechazan.</translation>
    </message>
    <message>
        <source>The SPF record of {domain} does not allow this server</source>
        <translation>El registro SPF de {domain} no autoriza a este servidor</translation>
    </message>
    <message>
        <source>Recipients with strict checks will reject these mails or put them in spam: the SPF record of {domain} does not contain {sender}.</source>
        <translation>Los destinatarios con controles estrictos rechazarán estos correos o los pondrán en spam: el registro SPF de {domain} no contiene {sender}.</translation>
    </message>
    <message>
        <source>Add {sender} to the SPF record of {domain}, so that it reads: {record}</source>
        <translation>Añada {sender} al registro SPF de {domain}, de modo que quede así: {record}</translation>
    </message>
    <message>
        <source>The SPF record of {domain} is not valid</source>
        <translation>El registro SPF de {domain} no es válido</translation>
    </message>
    <message>
        <source>Receiving servers treat a broken SPF record as a failure, and many then reject the mail or put it in spam. The problem: {detail}</source>
        <translation>Los servidores que reciben el correo tratan un registro SPF con errores como un fallo, y muchos rechazan entonces el correo o lo ponen en spam. El problema: {detail}</translation>
    </message>
    <message>
        <source>Ask whoever manages the DNS of {domain} to correct it: one SPF record only, and at most 10 DNS lookups (include, a, mx, exists, redirect) in all.</source>
        <translation>Pida a quien administra el DNS de {domain} que lo corrija: un solo registro SPF, y como máximo 10 consultas DNS (include, a, mx, exists, redirect) en total.</translation>
    </message>
    <message>
        <source>Cannot tell whether SPF allows this server</source>
        <translation>No se puede saber si SPF autoriza a este servidor</translation>
    </message>
    <message>
        <source>{domain} has an SPF record, but smtpgui does not know from which addresses this server sends.</source>
        <translation>{domain} tiene un registro SPF, pero smtpgui no sabe desde qué direcciones envía este servidor.</translation>
    </message>
    <message>
        <source>Ask your mail provider which include: or ip4: entry its customers add to SPF, and check that the SPF record of {domain} has it.</source>
        <translation>Pregunte a su proveedor de correo qué entrada include: o ip4: añaden sus clientes a SPF, y compruebe que el registro SPF de {domain} la tiene.</translation>
    </message>
    <message>
        <source>DMARC passes for {domain} (policy: {policy})</source>
        <translation>DMARC se cumple para {domain} (política: p={policy})</translation>
    </message>
    <message>
        <source>A mail From {domain} through this server passes DMARC, so recipients deliver it.</source>
        <translation>Un correo con remitente de {domain} enviado por este servidor cumple DMARC, así que los destinatarios lo entregan.</translation>
    </message>
    <message>
        <source>{domain} has no DMARC record</source>
        <translation>{domain} no tiene registro DMARC</translation>
    </message>
    <message>
        <source>Gmail and Yahoo require a DMARC record from domains that send much mail, and other recipients trust mail less without one.</source>
        <translation>Gmail y Yahoo exigen un registro DMARC a los dominios que envían mucho correo, y otros destinatarios confían menos en el correo sin él.</translation>
    </message>
    <message>
        <source>Publish this TXT record at _dmarc.{domain} (policy none blocks nothing; it lets recipients trust the domain): {record}</source>
        <translation>Publique este registro TXT en _dmarc.{domain} (la política p=none no bloquea nada; permite a los destinatarios confiar en el dominio): {record}</translation>
    </message>
    <message>
        <source>The DMARC record of {domain} is not valid</source>
        <translation>El registro DMARC de {domain} no es válido</translation>
    </message>
    <message>
        <source>Recipients ignore a DMARC record with errors. The problem: {detail}</source>
        <translation>Los destinatarios ignoran un registro DMARC con errores. El problema: {detail}</translation>
    </message>
    <message>
        <source>Ask whoever manages the DNS of {domain} to correct the record at _dmarc.{domain}.</source>
        <translation>Pida a quien administra el DNS de {domain} que corrija el registro en _dmarc.{domain}.</translation>
    </message>
    <message>
        <source>Recipients will reject these mails (DMARC)</source>
        <translation>Los destinatarios rechazarán estos correos (DMARC)</translation>
    </message>
    <message>
        <source>The DMARC policy of {domain} is {policy}: it asks recipients to reject mail that fails DMARC, and a mail From {domain} through this server fails it, because neither its SPF nor a DKIM signature of {domain} vouches for this server.</source>
        <translation>La política DMARC de {domain} es p={policy}: pide a los destinatarios que rechacen el correo que no cumple DMARC, y un correo con remitente de {domain} enviado por este servidor no lo cumple, porque ni su SPF ni una firma DKIM de {domain} avalan a este servidor.</translation>
    </message>
    <message>
        <source>Allow this server in the SPF record of {domain}, or publish your provider&apos;s DKIM records for {domain} (see the SPF and DKIM lines).</source>
        <translation>Autorice a este servidor en el registro SPF de {domain}, o publique los registros DKIM de su proveedor para {domain} (vea las líneas SPF y DKIM).</translation>
    </message>
    <message>
        <source>Or send From an address of a domain that allows this server.</source>
        <translation>O envíe con remitente una dirección de un dominio que autorice a este servidor.</translation>
    </message>
    <message>
        <source>Recipients will put these mails in spam (DMARC)</source>
        <translation>Los destinatarios pondrán estos correos en spam (DMARC)</translation>
    </message>
    <message>
        <source>The DMARC policy of {domain} is {policy}: it asks recipients to put mail that fails DMARC in spam, and a mail From {domain} through this server fails it.</source>
        <translation>La política DMARC de {domain} es p={policy}: pide a los destinatarios que pongan en spam el correo que no cumple DMARC, y un correo con remitente de {domain} enviado por este servidor no lo cumple.</translation>
    </message>
    <message>
        <source>DMARC policy of {domain}: {policy}</source>
        <translation>Política DMARC de {domain}: p={policy}</translation>
    </message>
    <message>
        <source>Whether a mail From {domain} through this server passes DMARC depends on SPF and DKIM, which could not be judged here.</source>
        <translation>Que un correo con remitente de {domain} enviado por este servidor cumpla DMARC depende de SPF y DKIM, que no se pudieron valorar aquí.</translation>
    </message>
    <message>
        <source>Recipients will refuse these mails unless the server signs them</source>
        <translation>Los destinatarios rechazarán estos correos salvo que el servidor los firme</translation>
    </message>
    <message>
        <source>The DMARC policy of {domain} is {policy}, and its SPF record does not allow this server: only a DKIM signature of {domain} made by the server can save these mails, and whether it makes one cannot be seen from here.</source>
        <translation>La política DMARC de {domain} es p={policy}, y su registro SPF no autoriza a este servidor: solo una firma DKIM de {domain} hecha por el servidor puede salvar estos correos, y desde aquí no se puede ver si la hace.</translation>
    </message>
    <message>
        <source>Allow this server in the SPF record of {domain} (see the SPF line), or check in the server&apos;s admin page that it signs mail for {domain} with DKIM.</source>
        <translation>Autorice a este servidor en el registro SPF de {domain} (vea la línea SPF), o compruebe en la página de administración del servidor que firma el correo de {domain} con DKIM.</translation>
    </message>
    <message>
        <source>These mails fail DMARC (delivered for now)</source>
        <translation>Estos correos no cumplen DMARC (por ahora se entregan)</translation>
    </message>
    <message>
        <source>A mail From {domain} through this server fails DMARC. The policy of {domain} is {policy}, so recipients still deliver it, but they trust it less.</source>
        <translation>Un correo con remitente de {domain} enviado por este servidor no cumple DMARC. La política de {domain} es p={policy}, así que los destinatarios aún lo entregan, pero confían menos en él.</translation>
    </message>
    <message>
        <source>DKIM keys published for {domain} ({selectors})</source>
        <translation>Claves DKIM publicadas para {domain} ({selectors})</translation>
    </message>
    <message>
        <source>{provider} can sign mail as {domain}, which keeps DMARC passing even when a recipient forwards the mail.</source>
        <translation>{provider} puede firmar el correo como {domain}, lo que mantiene DMARC cumplido incluso cuando un destinatario reenvía el correo.</translation>
    </message>
    <message>
        <source>{provider}&apos;s DKIM keys are not published for {domain}</source>
        <translation>Las claves DKIM de {provider} no están publicadas para {domain}</translation>
    </message>
    <message>
        <source>{provider} signs with the selectors {selectors}, but {domain} publishes none of them, so mails carry no signature of your domain.</source>
        <translation>{provider} firma con los selectores {selectors}, pero {domain} no publica ninguno, así que los correos no llevan ninguna firma de su dominio.</translation>
    </message>
    <message>
        <source>In {provider}&apos;s admin page, turn DKIM on for {domain} and publish the records it shows: {record}</source>
        <translation>En la página de administración de {provider}, active DKIM para {domain} y publique los registros que indique: {record}</translation>
    </message>
    <message>
        <source>DKIM not checked</source>
        <translation>DKIM sin comprobar</translation>
    </message>
    <message>
        <source>The DKIM key name (selector) of this server is not known: each account chooses its own, or the server is your own.</source>
        <translation>No se conoce el nombre de la clave DKIM (selector) de este servidor: cada cuenta elige el suyo, o el servidor es propio.</translation>
    </message>
    <message>
        <source>In the server&apos;s admin page, check that DKIM signing is on for {domain}.</source>
        <translation>En la página de administración del servidor, compruebe que la firma DKIM está activada para {domain}.</translation>
    </message>
    <message>
        <source>Could not look up the records of {domain}</source>
        <translation>No se pudieron consultar los registros de {domain}</translation>
    </message>
    <message>
        <source>The DNS server did not answer: {detail}</source>
        <translation>El servidor DNS no respondió: {detail}</translation>
    </message>
    <message>
        <source>Check the network, or choose the DNS server to ask (--resolver), and test again.</source>
        <translation>Compruebe la red, o elija el servidor DNS al que preguntar (--resolver), y repita la prueba.</translation>
    </message>
    <message>
        <source>The test message arrived in {folder} after {seconds} s</source>
        <translation>El mensaje de prueba llegó a {folder} en {seconds} s</translation>
    </message>
    <message>
        <source>The checks of the receiving server: {results}</source>
        <translation>Las comprobaciones del servidor que lo recibió: {results}</translation>
    </message>
    <message>
        <source>The test message landed in the junk folder ({folder})</source>
        <translation>El mensaje de prueba llegó a la carpeta de correo no deseado ({folder})</translation>
    </message>
    <message>
        <source>It arrived after {seconds} s, but the receiving server took it for spam. Its checks: {results}</source>
        <translation>Llegó en {seconds} s, pero el servidor que lo recibió lo tomó por spam. Sus comprobaciones: {results}</translation>
    </message>
    <message>
        <source>Fix what the SPF, DKIM and DMARC lines say; a fail there is the usual cause.</source>
        <translation>Corrija lo que indican las líneas SPF, DKIM y DMARC; un fallo ahí es la causa habitual.</translation>
    </message>
    <message>
        <source>Mark the message as not spam in {mailbox}, so that the filter learns.</source>
        <translation>Marque el mensaje como correo deseado en {mailbox}, para que el filtro aprenda.</translation>
    </message>
    <message>
        <source>The test message did not arrive within {seconds} s</source>
        <translation>El mensaje de prueba no llegó en {seconds} s</translation>
    </message>
    <message>
        <source>The server accepted it, but it is neither in the Inbox nor in the junk folder of {mailbox}: the receiving server refused it, or still holds it.</source>
        <translation>El servidor lo aceptó, pero no está ni en la bandeja de entrada ni en la carpeta de correo no deseado de {mailbox}: el servidor de destino lo rechazó o aún lo retiene.</translation>
    </message>
    <message>
        <source>Look for a bounce (a non-delivery report) in the sender&apos;s mailbox: it names the reason.</source>
        <translation>Busque un aviso de no entrega en el buzón del remitente: indica el motivo.</translation>
    </message>
    <message>
        <source>Fix what the SPF, DKIM and DMARC lines say, and test again.</source>
        <translation>Corrija lo que indican las líneas SPF, DKIM y DMARC, y repita la prueba.</translation>
    </message>
    <message>
        <source>The mailbox could not be read</source>
        <translation>No se pudo leer el buzón</translation>
    </message>
    <message>
        <source>Whether the message arrived is unknown: {detail}</source>
        <translation>No se sabe si el mensaje llegó: {detail}</translation>
    </message>
    <message>
        <source>Check the mailbox&apos;s IMAP server, and that the same login may read it.</source>
        <translation>Compruebe el servidor IMAP del buzón, y que el mismo inicio de sesión puede leerlo.</translation>
    </message>
    <message>
        <source>Mail From {domain} should arrive</source>
        <translation>El correo con remitente de {domain} debería llegar</translation>
    </message>
    <message>
        <source>The domain check of {domain} could not judge everything</source>
        <translation>La comprobación del dominio {domain} no pudo valorarlo todo</translation>
    </message>
    <message>
        <source>Some recipients may put mail From {domain} in spam</source>
        <translation>Algunos destinatarios pueden poner en spam el correo con remitente de {domain}</translation>
    </message>
    <message>
        <source>Recipients with strict checks will drop mail From {domain}</source>
        <translation>Los destinatarios con controles estrictos descartarán el correo con remitente de {domain}</translation>
    </message>
    <message>
        <source>the mailbox on {host} could not be read: {reason}</source>
        <translation>no se pudo leer el buzón en {host}: {reason}</translation>
    </message>
    <message>
        <source>IMAP login refused without encryption (allow it explicitly)</source>
        <translation>inicio de sesión IMAP rechazado sin cifrado (permítalo expresamente)</translation>
    </message>
    <message>
        <source>No IMAP server is known for this provider: give the IMAP server of the test recipient&apos;s mailbox (e.g. imap.example.com).</source>
        <translation>No se conoce ningún servidor IMAP de este proveedor: indique el servidor IMAP del buzón del destinatario de prueba (p. ej. imap.example.com).</translation>
    </message>
    <message>
        <source>{server}: the IMAP port must be a number</source>
        <translation>{server}: el puerto IMAP debe ser un número</translation>
    </message>
    <message>
        <source>the sign-in allows sending mail, not reading the mailbox; add {scopes} to the OAuth2 scopes, sign in again, then test (or give the mailbox a login of its own)</source>
        <translation>el inicio de sesión permite enviar correo, no leer el buzón; añada {scopes} a los ámbitos (scopes) de OAuth2, vuelva a iniciar sesión y pruebe de nuevo (o dé al buzón un inicio de sesión propio)</translation>
    </message>
    <message>
        <source>the mailbox&apos;s server, user name and password may not hold line breaks or control characters</source>
        <translation>el servidor, el usuario y la contraseña del buzón no pueden contener saltos de línea ni caracteres de control</translation>
    </message>
    <message>
        <source>the stored password is sent only to the servers it was saved for, and {host} is not one of them; give the password for this check (--password-stdin, or type it in the window) to read that mailbox</source>
        <translation>la contraseña guardada solo se envía a los servidores para los que se guardó, y {host} no es uno de ellos; indique la contraseña para esta comprobación (--password-stdin, o escríbala en la ventana) para leer ese buzón</translation>
    </message>
</context>
<context>
    <name>DeliverabilityPanel</name>
    <message>
        <source>Deliverability</source>
        <translation>Entrega del correo</translation>
    </message>
    <message>
        <source>Whether mail sent From this domain through this server will be accepted by the recipients: the domain&apos;s SPF, DKIM and DMARC records.</source>
        <translation>Si los destinatarios aceptarán el correo enviado con remitente de este dominio por este servidor: los registros SPF, DKIM y DMARC del dominio.</translation>
    </message>
    <message>
        <source>Published now:</source>
        <translation>Publicado ahora:</translation>
    </message>
    <message>
        <source>To publish:</source>
        <translation>A publicar:</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Demo: a local mail server runs on {address}. The password is “{password}”: press Test to see it pass, then change the password to see a failure explained. Nothing here touches your real settings.</source>
        <translation>Demostración: hay un servidor de correo local en {address}. La contraseña es «{password}»: haga clic en Probar para ver una prueba correcta y, después, cambie la contraseña para ver cómo se explica un fallo. Nada de esto modifica su configuración real.</translation>
    </message>
</context>
<context>
    <name>Detect</name>
    <message>
        <source>Port {port} works with {security}.</source>
        <translation>El puerto {port} funciona con {security}.</translation>
    </message>
    <message>
        <source>No port answered with encryption, so mail (and a password, if one is used) would cross the network readable by anyone on the way.</source>
        <translation>Ningún puerto respondió con cifrado, así que el correo (y la contraseña, si se usa) viajaría por la red de forma legible para cualquiera que esté en el camino.</translation>
    </message>
    <message>
        <source>Its certificate is not trusted ({reason}): choose your company&apos;s CA file, or ask the provider for a proper certificate.</source>
        <translation>Su certificado no es de confianza ({reason}): elija el archivo de CA de su empresa o pida al proveedor un certificado válido.</translation>
    </message>
    <message>
        <source>No port offered implicit TLS, which RFC 8314 prefers.</source>
        <translation>Ningún puerto ofreció TLS implícito, que es lo que recomienda el RFC 8314.</translation>
    </message>
    <message>
        <source>The server asks for no login: it relays mail from your network without one.</source>
        <translation>El servidor no pide iniciar sesión: retransmite el correo de su red sin autenticación.</translation>
    </message>
    <message>
        <source>The server only offers logins this program cannot use ({offered}).</source>
        <translation>El servidor solo ofrece métodos de inicio de sesión que este programa no puede usar ({offered}).</translation>
    </message>
    <message>
        <source>Login with {mechanism} (the server offers {offered}).</source>
        <translation>Inicio de sesión con {mechanism} (el servidor ofrece {offered}).</translation>
    </message>
</context>
<context>
    <name>DetectDialog</name>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>Login (AUTH)</source>
        <translation>Inicio de sesión (AUTH)</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Extensiones</translation>
    </message>
    <message>
        <source>Detect the settings for %s</source>
        <translation>Detectar la configuración de %s</translation>
    </message>
    <message>
        <source>Asking ports %s at once…</source>
        <translation>Consultando a la vez los puertos %s…</translation>
    </message>
    <message>
        <source>&amp;Use this setting</source>
        <translation>&amp;Usar esta configuración</translation>
    </message>
    <message>
        <source>No port answered as a mail server. Check the server name, or ask your provider which port to use.</source>
        <translation>Ningún puerto respondió como servidor de correo. Compruebe el nombre del servidor o pregunte a su proveedor qué puerto debe usar.</translation>
    </message>
    <message>
        <source>Suggested: %s. %s</source>
        <translation>Sugerencia: %s. %s</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>reachable (%d ms)</source>
        <translation>accesible (%d ms)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>de confianza</translation>
    </message>
    <message>
        <source>NOT trusted: %s</source>
        <translation>NO es de confianza: %s</translation>
    </message>
    <message>
        <source>none offered</source>
        <translation>no ofrece ninguno</translation>
    </message>
    <message>
        <source>%s (before STARTTLS: %s)</source>
        <translation>%s (antes de STARTTLS: %s)</translation>
    </message>
    <message>
        <source>no TLS</source>
        <translation>sin TLS</translation>
    </message>
    <message>
        <source>%s, port %d, login %s</source>
        <translation>%s, puerto %d, inicio de sesión %s</translation>
    </message>
</context>
<context>
    <name>Diagnosis</name>
    <message>
        <source>Test cancelled</source>
        <translation>Prueba cancelada</translation>
    </message>
    <message>
        <source>You cancelled the test. Nothing was saved.</source>
        <translation>Canceló la prueba. No se guardó nada.</translation>
    </message>
    <message>
        <source>The CA certificate file cannot be used</source>
        <translation>No se puede usar el archivo de certificado de CA</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>Choose the PEM or DER (.cer) file your IT provider gave you, or clear the field to trust the usual certificate authorities.</source>
        <translation>Elija el archivo PEM o DER (.cer) que le dio su proveedor de informática, o vacíe el campo para confiar en las autoridades de certificación habituales.</translation>
    </message>
    <message>
        <source>The message may have been delivered</source>
        <translation>Puede que el mensaje se haya entregado</translation>
    </message>
    <message>
        <source>The whole test message reached {host}, but the server did not confirm it: {detail} Servers often check a message for viruses and spam before they answer, so it may have been accepted and delivered all the same.</source>
        <translation>El mensaje de prueba llegó entero a {host}, pero el servidor no lo confirmó: {detail} Los servidores suelen revisar el mensaje en busca de virus y spam antes de responder, así que puede que lo hayan aceptado y entregado de todos modos.</translation>
    </message>
    <message>
        <source>Check the test recipient&apos;s inbox (and spam folder) before testing again: another test could deliver the message twice.</source>
        <translation>Revise la bandeja de entrada del destinatario de prueba (y la carpeta de spam) antes de volver a probar: otra prueba podría entregar el mensaje dos veces.</translation>
    </message>
    <message>
        <source>If nothing arrives within a few minutes, raise the time limit and test again: after the message a server may take minutes to answer.</source>
        <translation>Si no llega nada en unos minutos, aumente el límite de tiempo y vuelva a probar: después del mensaje, un servidor puede tardar minutos en responder.</translation>
    </message>
    <message>
        <source>If it keeps happening, send the log to your provider.</source>
        <translation>Si sigue pasando, envíe el registro a su proveedor.</translation>
    </message>
    <message>
        <source>The server stopped answering</source>
        <translation>El servidor dejó de responder</translation>
    </message>
    <message>
        <source>No answer during {phase} within the time limit.</source>
        <translation>No hubo respuesta en el paso «{phase}» dentro del límite de tiempo.</translation>
    </message>
    <message>
        <source>With SSL/TLS on port 587 or STARTTLS on port 465 the server waits forever: use SSL/TLS with 465, STARTTLS with 587.</source>
        <translation>Con SSL/TLS en el puerto 587 o STARTTLS en el 465, el servidor se queda esperando indefinidamente: use SSL/TLS con el 465 y STARTTLS con el 587.</translation>
    </message>
    <message>
        <source>Try again later, or raise the time limit.</source>
        <translation>Vuelva a intentarlo más tarde o aumente el límite de tiempo.</translation>
    </message>
    <message>
        <source>The server stopped answering during {phase}</source>
        <translation>El servidor dejó de responder en el paso «{phase}»</translation>
    </message>
    <message>
        <source>{host} greeted this computer, then gave no answer during {phase} within the time limit. Server name, port and security mode are right, since the server answered before; it is slow or stuck at this step.</source>
        <translation>{host} saludó a este equipo y luego no respondió en el paso «{phase}» dentro del límite de tiempo. El nombre del servidor, el puerto y el modo de seguridad son correctos, porque el servidor ya había respondido; está lento o atascado en este paso.</translation>
    </message>
    <message>
        <source>Test again in a few minutes; if the server is only slow, raise the time limit.</source>
        <translation>Vuelva a probar en unos minutos; si el servidor solo es lento, aumente el límite de tiempo.</translation>
    </message>
    <message>
        <source>If it stops at the same step every time, send the log to your provider: a firewall or antivirus that inspects mail can also hold the conversation.</source>
        <translation>Si se detiene siempre en el mismo paso, envíe el registro a su proveedor: un cortafuegos o antivirus que inspecciona el correo también puede retener la conversación.</translation>
    </message>
    <message>
        <source>The server closed the connection</source>
        <translation>El servidor cerró la conexión</translation>
    </message>
    <message>
        <source>The server hung up during {phase}, after it had answered this computer: the server name, port and security mode are right.</source>
        <translation>El servidor colgó en el paso «{phase}», después de haber respondido a este equipo: el nombre del servidor, el puerto y el modo de seguridad son correctos.</translation>
    </message>
    <message>
        <source>The server may be refusing this computer&apos;s address or this account: send the log to your provider.</source>
        <translation>Puede que el servidor rechace la dirección de este equipo o esta cuenta: envíe el registro a su proveedor.</translation>
    </message>
    <message>
        <source>This is not a mail server</source>
        <translation>Esto no es un servidor de correo</translation>
    </message>
    <message>
        <source>Something answers on port {port}, but not in SMTP: it said “{text}”. Another kind of service (web, remote login, ...) listens there.</source>
        <translation>Algo responde en el puerto {port}, pero no en SMTP: dijo «{text}». En ese puerto escucha otro tipo de servicio (web, acceso remoto, etc.).</translation>
    </message>
    <message>
        <source>Check the server name and port.</source>
        <translation>Compruebe el nombre del servidor y el puerto.</translation>
    </message>
    <message>
        <source>The server&apos;s answer made no sense</source>
        <translation>La respuesta del servidor no tiene sentido</translation>
    </message>
    <message>
        <source>During {phase} the server sent “{text}”, which is not an SMTP reply. It greeted in SMTP before, so server name and port are right: something garbled the conversation.</source>
        <translation>En el paso «{phase}» el servidor envió «{text}», que no es una respuesta SMTP. Antes saludó en SMTP, así que el nombre del servidor y el puerto son correctos: algo alteró la conversación.</translation>
    </message>
    <message>
        <source>A firewall or antivirus that inspects mail can garble it: ask whoever runs it.</source>
        <translation>Un cortafuegos o antivirus que inspecciona el correo puede alterarla: consulte a quien lo administre.</translation>
    </message>
    <message>
        <source>The test failed during {phase}</source>
        <translation>La prueba falló en el paso «{phase}»</translation>
    </message>
    <message>
        <source>{reply}</source>
        <translation>{reply}</translation>
    </message>
    <message>
        <source>Read the server&apos;s answer in the log; your mail provider can explain it.</source>
        <translation>Lea la respuesta del servidor en el registro; su proveedor de correo puede explicársela.</translation>
    </message>
    <message>
        <source>Usual settings: Microsoft 365 smtp.office365.com, port 587, STARTTLS; Gmail and Google Workspace smtp.gmail.com, port 587 with STARTTLS or port 465 with SSL/TLS.</source>
        <translation>Configuraciones habituales: Microsoft 365, smtp.office365.com, puerto 587, STARTTLS; Gmail y Google Workspace, smtp.gmail.com, puerto 587 con STARTTLS o puerto 465 con SSL/TLS.</translation>
    </message>
    <message>
        <source>Check that the server name is exactly the one your provider gave you.</source>
        <translation>Compruebe que el nombre del servidor es exactamente el que le dio su proveedor.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s date and time: when they are wrong, good certificates look expired or not yet valid.</source>
        <translation>Compruebe la fecha y la hora de este equipo: si son incorrectas, los certificados válidos parecen caducados o todavía no válidos.</translation>
    </message>
    <message>
        <source>Wait a few minutes and test again.</source>
        <translation>Espere unos minutos y vuelva a probar.</translation>
    </message>
    <message>
        <source>Ask your mail provider whether connections from your office&apos;s internet address are blocked or limited.</source>
        <translation>Pregunte a su proveedor de correo si las conexiones desde la dirección de internet de su oficina están bloqueadas o limitadas.</translation>
    </message>
    <message>
        <source>Check the security mode for the port: SSL/TLS with 465, STARTTLS with 587.</source>
        <translation>Compruebe el modo de seguridad del puerto: SSL/TLS con el 465 y STARTTLS con el 587.</translation>
    </message>
    <message>
        <source>Server name not found</source>
        <translation>No se encuentra el nombre del servidor</translation>
    </message>
    <message>
        <source>No computer called “{host}” could be found: the name may be misspelt, or this computer cannot look names up right now.</source>
        <translation>No se encontró ningún equipo llamado «{host}»: puede que el nombre esté mal escrito o que este equipo no pueda resolver nombres en este momento.</translation>
    </message>
    <message>
        <source>Compare the server name letter by letter with what your provider gave you.</source>
        <translation>Compare el nombre del servidor, letra por letra, con el que le dio su proveedor.</translation>
    </message>
    <message>
        <source>Open a web page to check that this computer is on the internet.</source>
        <translation>Abra una página web para comprobar que este equipo tiene conexión a internet.</translation>
    </message>
    <message>
        <source>No answer from the name server</source>
        <translation>El servidor de nombres no responde</translation>
    </message>
    <message>
        <source>This computer asked for the address of “{host}” and got no answer in time: its internet connection or its name server (DNS) is not working.</source>
        <translation>Este equipo pidió la dirección de «{host}» y no recibió respuesta a tiempo: su conexión a internet o su servidor de nombres (DNS) no funciona.</translation>
    </message>
    <message>
        <source>If it keeps happening, ask whoever runs this network to check DNS.</source>
        <translation>Si sigue ocurriendo, pida al responsable de esta red que revise el DNS.</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Conexión rechazada</translation>
    </message>
    <message>
        <source>{host} answered, but nothing accepts connections on port {port}: the port is wrong, or the mail service is not running.</source>
        <translation>{host} respondió, pero nada acepta conexiones en el puerto {port}: el puerto es incorrecto o el servicio de correo no está en marcha.</translation>
    </message>
    <message>
        <source>Check the port with your mail provider: 587 (STARTTLS) or 465 (SSL/TLS) are the ports for sending; 25 is mostly for servers among themselves.</source>
        <translation>Confirme el puerto con su proveedor de correo: los puertos para enviar son el 587 (STARTTLS) y el 465 (SSL/TLS); el 25 se usa sobre todo entre servidores.</translation>
    </message>
    <message>
        <source>A firewall on this computer or network can refuse the connection too: ask whoever runs it.</source>
        <translation>Un cortafuegos de este equipo o de la red también puede rechazar la conexión: consúltelo con su responsable.</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>No se puede llegar al servidor</translation>
    </message>
    <message>
        <source>This computer has no way to reach {host} ({detail}).</source>
        <translation>Este equipo no tiene forma de llegar a {host} ({detail}).</translation>
    </message>
    <message>
        <source>Check the network connection of this computer (cable, Wi-Fi, VPN).</source>
        <translation>Compruebe la conexión de red de este equipo (cable, wifi, VPN).</translation>
    </message>
    <message>
        <source>If other sites work, ask whoever runs this network about the route to {host}.</source>
        <translation>Si otros sitios funcionan, pregunte al responsable de esta red por la ruta hacia {host}.</translation>
    </message>
    <message>
        <source>No answer: the port is probably blocked</source>
        <translation>Sin respuesta: probablemente el puerto está bloqueado</translation>
    </message>
    <message>
        <source>{host} did not answer on port {port} in time. A firewall or your internet provider most likely drops connections to this port without a word.</source>
        <translation>{host} no respondió a tiempo en el puerto {port}. Lo más probable es que un cortafuegos o su proveedor de internet descarte en silencio las conexiones a ese puerto.</translation>
    </message>
    <message>
        <source>Try port 587 with STARTTLS, or port 465 with SSL/TLS: internet providers often block port 25.</source>
        <translation>Pruebe el puerto 587 con STARTTLS o el 465 con SSL/TLS: los proveedores de internet suelen bloquear el puerto 25.</translation>
    </message>
    <message>
        <source>Ask whoever runs this network to allow outgoing connections to {host} on port {port}.</source>
        <translation>Pida al responsable de esta red que permita las conexiones salientes a {host} en el puerto {port}.</translation>
    </message>
    <message>
        <source>The server hung up at once</source>
        <translation>El servidor cortó la conexión en el acto</translation>
    </message>
    <message>
        <source>{host} accepted the connection on port {port} and closed it without a greeting. Servers do this to addresses they refuse, or when too many connections come at once.</source>
        <translation>{host} aceptó la conexión en el puerto {port} y la cerró sin saludar. Los servidores hacen esto con las direcciones que rechazan o cuando llegan demasiadas conexiones a la vez.</translation>
    </message>
    <message>
        <source>The server hung up after its greeting</source>
        <translation>El servidor cortó la conexión después de saludar</translation>
    </message>
    <message>
        <source>{host} greeted, then closed the connection when this computer introduced itself (EHLO). Servers do this to clients they refuse, or when they are overloaded.</source>
        <translation>{host} saludó y luego cerró la conexión cuando este equipo se presentó (EHLO). Los servidores hacen esto con los clientes que rechazan o cuando están sobrecargados.</translation>
    </message>
    <message>
        <source>Wrong security mode for this port</source>
        <translation>Modo de seguridad incorrecto para este puerto</translation>
    </message>
    <message>
        <source>You chose SSL/TLS, but the server on port {port} starts without encryption: it expects STARTTLS, or no encryption at all.</source>
        <translation>Eligió SSL/TLS, pero el servidor del puerto {port} empieza sin cifrado: espera STARTTLS o ningún cifrado.</translation>
    </message>
    <message>
        <source>Choose STARTTLS with port 587.</source>
        <translation>Elija STARTTLS con el puerto 587.</translation>
    </message>
    <message>
        <source>Or keep SSL/TLS and use port 465, if your provider offers it.</source>
        <translation>O mantenga SSL/TLS y use el puerto 465, si su proveedor lo ofrece.</translation>
    </message>
    <message>
        <source>No greeting: this port probably expects SSL/TLS</source>
        <translation>Sin saludo: probablemente este puerto espera SSL/TLS</translation>
    </message>
    <message>
        <source>{host} accepted the connection on port {port}, then stopped answering: no greeting came. A server for SSL/TLS (usually port 465) waits in silence for encryption to start, so without SSL/TLS it never greets.</source>
        <translation>{host} aceptó la conexión en el puerto {port} y luego dejó de responder: no llegó ningún saludo. Un servidor SSL/TLS (normalmente en el puerto 465) espera en silencio a que empiece el cifrado, así que sin SSL/TLS nunca saluda.</translation>
    </message>
    <message>
        <source>For port 465, choose SSL/TLS.</source>
        <translation>Para el puerto 465, elija SSL/TLS.</translation>
    </message>
    <message>
        <source>For STARTTLS, use port 587.</source>
        <translation>Para STARTTLS, use el puerto 587.</translation>
    </message>
    <message>
        <source>If mode and port are right, the server is stuck or overloaded: test again later.</source>
        <translation>Si el modo y el puerto son correctos, el servidor está bloqueado o sobrecargado: vuelva a probar más tarde.</translation>
    </message>
    <message>
        <source>The server only offers outdated encryption</source>
        <translation>El servidor solo ofrece un cifrado obsoleto</translation>
    </message>
    <message>
        <source>{host} offers only TLS versions older than 1.2, which this computer refuses because they are no longer safe.</source>
        <translation>{host} solo ofrece versiones de TLS anteriores a la 1.2, que este equipo rechaza porque ya no son seguras.</translation>
    </message>
    <message>
        <source>Ask the server&apos;s administrator to enable TLS 1.2 or 1.3 (old Exchange servers and appliances need an update for it).</source>
        <translation>Pida al administrador del servidor que active TLS 1.2 o 1.3 (los servidores Exchange y los dispositivos antiguos necesitan una actualización para ello).</translation>
    </message>
    <message>
        <source>Until then, send through another server, such as your provider&apos;s or a relay service.</source>
        <translation>Mientras tanto, envíe a través de otro servidor, como el de su proveedor o un servicio de retransmisión (relay).</translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <translation>Falló la conexión segura</translation>
    </message>
    <message>
        <source>Try the other security mode: SSL/TLS on port 465 or STARTTLS on port 587.</source>
        <translation>Pruebe el otro modo de seguridad: SSL/TLS en el puerto 465 o STARTTLS en el 587.</translation>
    </message>
    <message>
        <source>If it keeps failing, send the log to your provider: the server&apos;s encryption does not work with this computer.</source>
        <translation>Si sigue fallando, envíe el registro a su proveedor: el cifrado del servidor no funciona con este equipo.</translation>
    </message>
    <message>
        <source>The server does not offer encryption (STARTTLS)</source>
        <translation>El servidor no ofrece cifrado (STARTTLS)</translation>
    </message>
    <message>
        <source>You chose STARTTLS, but {host} does not offer it on port {port}. smtpgui never falls back to an unencrypted connection by itself.</source>
        <translation>Eligió STARTTLS, pero {host} no lo ofrece en el puerto {port}. smtpgui nunca pasa por su cuenta a una conexión sin cifrar.</translation>
    </message>
    <message>
        <source>Use SSL/TLS on port 465 or STARTTLS on port 587 if the provider offers them.</source>
        <translation>Use SSL/TLS en el puerto 465 o STARTTLS en el 587, si el proveedor los ofrece.</translation>
    </message>
    <message>
        <source>If the provider says the server offers STARTTLS, a firewall that inspects mail may remove it on the way: ask whoever runs the network.</source>
        <translation>Si el proveedor asegura que el servidor ofrece STARTTLS, puede que un cortafuegos que inspecciona el correo lo elimine por el camino: consúltelo con el responsable de la red.</translation>
    </message>
    <message>
        <source>Choose “None” only for a server inside your own network.</source>
        <translation>Elija «Ninguna» solo para un servidor de su propia red.</translation>
    </message>
    <message>
        <source>Password not sent over an unencrypted connection</source>
        <translation>No se envió la contraseña por una conexión sin cifrar</translation>
    </message>
    <message>
        <source>The connection is not encrypted, so your password would travel readable by anyone on the way. smtpgui did not send it.</source>
        <translation>La conexión no está cifrada, así que su contraseña viajaría de forma legible para cualquiera que esté en el camino. smtpgui no la envió.</translation>
    </message>
    <message>
        <source>Choose STARTTLS or SSL/TLS.</source>
        <translation>Elija STARTTLS o SSL/TLS.</translation>
    </message>
    <message>
        <source>Only for a server inside your own network: tick “Allow login without encryption”.</source>
        <translation>Solo para un servidor de su propia red: marque «Permitir el inicio de sesión sin cifrado».</translation>
    </message>
    <message>
        <source>The server offers no way to log in here</source>
        <translation>El servidor no ofrece aquí ninguna forma de iniciar sesión</translation>
    </message>
    <message>
        <source>If the server needs no login (an internal relay), set Authentication to None.</source>
        <translation>Si el servidor no necesita inicio de sesión (un relay interno), ponga Autenticación en «Ninguna».</translation>
    </message>
    <message>
        <source>Otherwise choose STARTTLS or SSL/TLS: many servers offer login only once the connection is encrypted.</source>
        <translation>Si no, elija STARTTLS o SSL/TLS: muchos servidores solo ofrecen el inicio de sesión cuando la conexión ya está cifrada.</translation>
    </message>
    <message>
        <source>If the server belongs to your company, ask IT for its CA certificate file (PEM or DER) and choose it under Certificate.</source>
        <translation>Si el servidor es de su empresa, pida al departamento de informática el archivo del certificado de su CA (PEM o DER) y elíjalo en «Certificado».</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the pinned one</source>
        <translation>El certificado del servidor no es el fijado</translation>
    </message>
    <message>
        <source>You chose to trust exactly one certificate, but {host} now presents another. Servers renew certificates from time to time; it can also mean that something on the way is intercepting the connection.</source>
        <translation>Eligió confiar exactamente en un certificado, pero {host} presenta ahora otro. Los servidores renuevan sus certificados de vez en cuando; también puede significar que algo en el camino está interceptando la conexión.</translation>
    </message>
    <message>
        <source>Ask the server&apos;s administrator whether the certificate was renewed, and compare the new fingerprint in the log with theirs.</source>
        <translation>Pregunte al administrador del servidor si se renovó el certificado y compare la nueva huella digital del registro con la que le indique.</translation>
    </message>
    <message>
        <source>Only if they match, trust the new certificate (pin it again).</source>
        <translation>Solo si coinciden, confíe en el nuevo certificado (vuelva a fijarlo).</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is self-signed</source>
        <translation>El certificado del servidor es autofirmado</translation>
    </message>
    <message>
        <source>{host} presents a certificate it signed itself, so nothing vouches that it really is your server. NAS boxes, small office servers and appliances often come this way.</source>
        <translation>{host} presenta un certificado firmado por él mismo, así que nada garantiza que sea realmente su servidor. Es habitual en equipos NAS, pequeños servidores de oficina y otros dispositivos.</translation>
    </message>
    <message>
        <source>Ask the server&apos;s administrator for a certificate from a public certificate authority (Let&apos;s Encrypt issues them for free).</source>
        <translation>Pida al administrador del servidor un certificado de una autoridad de certificación pública (Let&apos;s Encrypt los emite gratis).</translation>
    </message>
    <message>
        <source>Or get the server&apos;s certificate file from its administrator (not from the connection itself) and choose it as CA file under Certificate.</source>
        <translation>O pida el archivo del certificado del servidor a su administrador (no lo obtenga de la propia conexión) y elíjalo como archivo de CA en «Certificado».</translation>
    </message>
    <message>
        <source>The server does not send its intermediate certificate</source>
        <translation>El servidor no envía su certificado intermedio</translation>
    </message>
    <message>
        <source>{detail} When “{issuer}” is an intermediate authority (public authorities such as Let&apos;s Encrypt always issue through one), {host} must send its certificate along: without it this computer cannot link the server&apos;s certificate to an authority it trusts. Some mail programs fetch the missing certificate themselves, which hides the mistake.</source>
        <translation>{detail} Cuando «{issuer}» es una autoridad intermedia (las autoridades públicas como Let&apos;s Encrypt siempre emiten a través de una), {host} debe enviar también su certificado: sin él, este equipo no puede enlazar el certificado del servidor con una autoridad de confianza. Algunos programas de correo descargan por su cuenta el certificado que falta, y eso oculta el error.</translation>
    </message>
    <message>
        <source>This is for the server&apos;s administrator to fix: tell them to install the full certificate chain (with Let&apos;s Encrypt, fullchain.pem instead of cert.pem). Your Certificate settings are not the problem.</source>
        <translation>Esto lo debe corregir el administrador del servidor: pídale que instale la cadena de certificados completa (con Let&apos;s Encrypt, fullchain.pem en lugar de cert.pem). Su configuración de «Certificado» no es el problema.</translation>
    </message>
    <message>
        <source>Only if “{issuer}” is your company&apos;s own root authority: choose its CA certificate file under Certificate.</source>
        <translation>Solo si «{issuer}» es la autoridad raíz propia de su empresa: elija el archivo de su certificado de CA en «Certificado».</translation>
    </message>
    <message>
        <source>The certificate comes from an unknown authority</source>
        <translation>El certificado procede de una autoridad desconocida</translation>
    </message>
    <message>
        <source>{host}&apos;s certificate is signed by an authority this computer does not trust. Company servers often use their own; it can also mean that something on the way is intercepting the connection.</source>
        <translation>El certificado de {host} está firmado por una autoridad en la que este equipo no confía. Los servidores de empresa suelen usar una propia; también puede significar que algo en el camino está interceptando la conexión.</translation>
    </message>
    <message>
        <source>Antivirus or firewall products that inspect encrypted traffic replace certificates: ask whoever runs them to leave mail alone.</source>
        <translation>Los antivirus y cortafuegos que inspeccionan el tráfico cifrado sustituyen los certificados: pida a su responsable que excluya el correo de esa inspección.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has expired</source>
        <translation>El certificado del servidor ha caducado</translation>
    </message>
    <message>
        <source>{host}&apos;s certificate is past its end date, so the connection cannot be trusted until it is renewed.</source>
        <translation>El certificado de {host} ya pasó su fecha de caducidad, así que no se puede confiar en la conexión hasta que se renueve.</translation>
    </message>
    <message>
        <source>Tell your mail provider or the server&apos;s administrator: the certificate must be renewed.</source>
        <translation>Avise a su proveedor de correo o al administrador del servidor: hay que renovar el certificado.</translation>
    </message>
    <message>
        <source>The certificate is for another server name</source>
        <translation>El certificado es para otro nombre de servidor</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not made out for “{host}”, so this computer cannot tell the server from an impostor.</source>
        <translation>El certificado del servidor no está emitido para «{host}», así que este equipo no puede distinguir el servidor de un impostor.</translation>
    </message>
    <message>
        <source>Use the server name exactly as your provider documents it, not an alias of your own domain or an IP address.</source>
        <translation>Use el nombre del servidor tal como lo indica su proveedor, no un alias de su propio dominio ni una dirección IP.</translation>
    </message>
    <message>
        <source>If the server is your company&apos;s, ask IT for a certificate that includes “{host}”.</source>
        <translation>Si el servidor es de su empresa, pida al departamento de informática un certificado que incluya «{host}».</translation>
    </message>
    <message>
        <source>Hosted mail works only with the provider&apos;s own name: smtp.office365.com for Microsoft 365, smtp.gmail.com for Gmail, not mail.yourcompany.com.</source>
        <translation>El correo alojado solo funciona con el nombre del propio proveedor: smtp.office365.com para Microsoft 365 y smtp.gmail.com para Gmail, no mail.suempresa.com.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted</source>
        <translation>El certificado del servidor no es de confianza</translation>
    </message>
    <message>
        <source>{detail} Someone could be pretending to be your mail server, or the certificate is wrong.</source>
        <translation>{detail} Alguien podría estar haciéndose pasar por su servidor de correo, o el certificado es incorrecto.</translation>
    </message>
    <message>
        <source>Choose STARTTLS (port 587) or SSL/TLS (port 465).</source>
        <translation>Elija STARTTLS (puerto 587) o SSL/TLS (puerto 465).</translation>
    </message>
    <message>
        <source>Use the full e-mail address as the user name and retype the password (mind Caps Lock and the keyboard layout).</source>
        <translation>Use la dirección de correo completa como nombre de usuario y vuelva a escribir la contraseña (atención a Bloq Mayús y a la distribución del teclado).</translation>
    </message>
    <message>
        <source>Microsoft 365 admin center &gt; Users &gt; Active users &gt; the user &gt; Mail &gt; Manage email apps: tick “Authenticated SMTP” and save.</source>
        <translation>Centro de administración de Microsoft 365 &gt; Usuarios &gt; Usuarios activos &gt; el usuario &gt; Correo &gt; Administrar aplicaciones de correo electrónico: marque «SMTP autenticado» y guarde.</translation>
    </message>
    <message>
        <source>Microsoft is retiring password (Basic) login for SMTP in Exchange Online: for the long term, plan for OAuth2 sign-in or a relay service.</source>
        <translation>Microsoft está retirando el inicio de sesión con contraseña (autenticación básica) para SMTP en Exchange Online: a largo plazo, prevea el inicio de sesión con OAuth2 o un servicio de retransmisión (relay).</translation>
    </message>
    <message>
        <source>In smtpgui, set Authentication to OAuth2 and sign in with the mailbox&apos;s Microsoft 365 account (an app registration with the SMTP.Send permission gives the client ID).</source>
        <translation>En smtpgui, ponga Autenticación en OAuth2 e inicie sesión con la cuenta de Microsoft 365 del buzón (un registro de aplicación con el permiso SMTP.Send le da el ID de cliente).</translation>
    </message>
    <message>
        <source>Or send through a relay service (SendGrid, Amazon SES, Mailgun, ...) where your domain is verified.</source>
        <translation>O envíe a través de un servicio de retransmisión (SendGrid, Amazon SES, Mailgun, etc.) en el que su dominio esté verificado.</translation>
    </message>
    <message>
        <source>The server refused the From address ({reply}). This is not about relaying: the server would deliver the mail, it only refuses to let this account send in someone else&apos;s name. An account may send as its own address, and as addresses it was given “Send As” rights to.</source>
        <translation>El servidor rechazó la dirección del remitente ({reply}). No es un problema de retransmisión: el servidor entregaría el correo, pero no permite que esta cuenta envíe como otra dirección. Una cuenta puede enviar con su propia dirección y con las direcciones para las que tenga permiso «Enviar como».</translation>
    </message>
    <message>
        <source>Set From to the login&apos;s own address (or leave From empty to use your own).</source>
        <translation>Ponga como remitente la dirección de la propia cuenta (o deje Remitente vacío para usar la suya).</translation>
    </message>
    <message>
        <source>Or have the mail administrator give this account “Send As” rights for the From address.</source>
        <translation>O pida al administrador del correo que dé a esta cuenta el permiso «Enviar como» para la dirección del remitente.</translation>
    </message>
    <message>
        <source>To send as many different addresses (e.g. invoices for several companies), use a relay service (SendGrid, Amazon SES, Mailgun, ...) where those domains are verified.</source>
        <translation>Para enviar con muchas direcciones distintas (p. ej., facturas de varias empresas), use un servicio de retransmisión (SendGrid, Amazon SES, Mailgun, etc.) en el que esos dominios estén verificados.</translation>
    </message>
    <message>
        <source>The server&apos;s own words above say why; your provider can explain them.</source>
        <translation>La respuesta del propio servidor, más arriba, indica el motivo; su proveedor puede explicársela.</translation>
    </message>
    <message>
        <source>No password for these settings</source>
        <translation>No hay contraseña para estos ajustes</translation>
    </message>
    <message>
        <source>Type the password of this user name for this server; nothing was sent to it.</source>
        <translation>Escriba la contraseña de este usuario para este servidor; no se le ha enviado nada.</translation>
    </message>
    <message>
        <source>The server requires encryption first</source>
        <translation>El servidor exige cifrar primero la conexión</translation>
    </message>
    <message>
        <source>The server answered “{reply}”: it accepts this only over an encrypted connection.</source>
        <translation>El servidor respondió «{reply}»: solo lo acepta por una conexión cifrada.</translation>
    </message>
    <message>
        <source>The server answered “{reply}”. It offers a login ({offered}) and this test did not log in: a server for sending usually takes mail, or passes it on, only from a logged-in account, and often checks block lists only for mail without a login.</source>
        <translation>El servidor respondió «{reply}». Ofrece iniciar sesión ({offered}) y esta prueba no la inició: un servidor de envío suele aceptar correo, o retransmitirlo, solo de una cuenta que ha iniciado sesión, y a menudo consulta las listas de bloqueo solo para el correo sin inicio de sesión.</translation>
    </message>
    <message>
        <source>The server requires a login</source>
        <translation>El servidor exige iniciar sesión</translation>
    </message>
    <message>
        <source>The server answered “{reply}”: it accepts mail only from a logged-in account.</source>
        <translation>El servidor respondió «{reply}»: solo acepta correo de una cuenta que haya iniciado sesión.</translation>
    </message>
    <message>
        <source>Set Authentication to Automatic and enter the account&apos;s user name (usually the full e-mail address) and password.</source>
        <translation>Ponga Autenticación en «Automática» y escriba el nombre de usuario de la cuenta (normalmente, la dirección de correo completa) y la contraseña.</translation>
    </message>
    <message>
        <source>The server most likely wants a login</source>
        <translation>Lo más probable es que el servidor pida iniciar sesión</translation>
    </message>
    <message>
        <source>The password is only sent over STARTTLS or SSL/TLS: keep one of them, or choose one.</source>
        <translation>La contraseña solo se envía con STARTTLS o SSL/TLS: mantenga uno de ellos o elija uno.</translation>
    </message>
    <message>
        <source>Only if this server is meant to take mail without a login (a relay for your office&apos;s internet address): ask whoever runs it to allow this computer.</source>
        <translation>Solo si este servidor debe aceptar correo sin iniciar sesión (un relé para la dirección de internet de su oficina): pida a quien lo administre que permita este equipo.</translation>
    </message>
    <message>
        <source>Choose STARTTLS or SSL/TLS as well: the password is only sent encrypted.</source>
        <translation>Elija también STARTTLS o SSL/TLS: la contraseña solo se envía cifrada.</translation>
    </message>
    <message>
        <source>Microsoft 365 and Gmail always need a login on port 587. Sending without one works only through a relay that trusts your office&apos;s fixed internet address (a Microsoft 365 connector, Google Workspace&apos;s SMTP relay service).</source>
        <translation>Microsoft 365 y Gmail siempre exigen iniciar sesión en el puerto 587. Solo se puede enviar sin hacerlo a través de un relay que confíe en la dirección de internet fija de su oficina (un conector de Microsoft 365 o el servicio de relay SMTP de Google Workspace).</translation>
    </message>
    <message>
        <source>SMTP login is turned off for this account</source>
        <translation>El inicio de sesión SMTP está desactivado para esta cuenta</translation>
    </message>
    <message>
        <source>Microsoft 365 answered “{reply}”: sending with a password over SMTP (SMTP AUTH) is turned off for this mailbox or the whole organisation, or blocked by security defaults.</source>
        <translation>Microsoft 365 respondió «{reply}»: el envío con contraseña por SMTP (SMTP AUTH) está desactivado para este buzón o para toda la organización, o lo bloquean los valores predeterminados de seguridad.</translation>
    </message>
    <message>
        <source>Exchange admin center &gt; Settings &gt; Mail flow: make sure SMTP AUTH is not turned off for the whole organisation.</source>
        <translation>Centro de administración de Exchange &gt; Configuración &gt; Flujo de correo: compruebe que SMTP AUTH no está desactivado para toda la organización.</translation>
    </message>
    <message>
        <source>Security defaults (Microsoft Entra ID) block password logins for SMTP: rather than turning them off, send through a connector or a relay service.</source>
        <translation>Los valores predeterminados de seguridad (Microsoft Entra ID) bloquean el inicio de sesión con contraseña en SMTP: en lugar de desactivarlos, envíe a través de un conector o de un servicio de retransmisión (relay).</translation>
    </message>
    <message>
        <source>Password login is no longer accepted</source>
        <translation>Ya no se acepta el inicio de sesión con contraseña</translation>
    </message>
    <message>
        <source>Microsoft 365 answered “{reply}”: it no longer accepts a password for sending over SMTP (Basic authentication); programs must sign in with OAuth2.</source>
        <translation>Microsoft 365 respondió «{reply}»: ya no acepta contraseñas para enviar por SMTP (autenticación básica); los programas deben iniciar sesión con OAuth2.</translation>
    </message>
    <message>
        <source>If the sending program supports OAuth2 (“modern authentication”) for Microsoft 365, use that instead of a password.</source>
        <translation>Si el programa que envía el correo admite OAuth2 («autenticación moderna») para Microsoft 365, úselo en lugar de una contraseña.</translation>
    </message>
    <message>
        <source>For scanners and printers, a Microsoft 365 connector can accept mail from your office&apos;s fixed internet address without a password.</source>
        <translation>Para escáneres e impresoras, un conector de Microsoft 365 puede aceptar el correo de la dirección de internet fija de su oficina sin contraseña.</translation>
    </message>
    <message>
        <source>Microsoft describes these options under “How to set up a multifunction device or application to send email using Microsoft 365”.</source>
        <translation>Microsoft describe estas opciones en «Cómo configurar un dispositivo multifunción o una aplicación para enviar correo electrónico mediante Microsoft 365».</translation>
    </message>
    <message>
        <source>The server does not offer the chosen login method</source>
        <translation>El servidor no ofrece el método de inicio de sesión elegido</translation>
    </message>
    <message>
        <source>{detail} smtpgui sends only a login method the server offers.</source>
        <translation>{detail} smtpgui solo envía un método de inicio de sesión que el servidor ofrece.</translation>
    </message>
    <message>
        <source>Set Authentication to {usable}, or to Automatic, which picks a method the server offers by itself.</source>
        <translation>Ponga Autenticación en «{usable}», o en «Automática», que elige por sí sola un método que el servidor ofrece.</translation>
    </message>
    <message>
        <source>Login method not supported</source>
        <translation>Método de inicio de sesión no admitido</translation>
    </message>
    <message>
        <source>The server does not accept the chosen login method ({reply}).</source>
        <translation>El servidor no acepta el método de inicio de sesión elegido ({reply}).</translation>
    </message>
    <message>
        <source>Set Authentication to Automatic: smtpgui then picks a method the server offers.</source>
        <translation>Ponga Autenticación en «Automática»: smtpgui elegirá un método que ofrezca el servidor.</translation>
    </message>
    <message>
        <source>Google refused the user name or password</source>
        <translation>Google rechazó el nombre de usuario o la contraseña</translation>
    </message>
    <message>
        <source>Google answered “{reply}”.</source>
        <translation>Google respondió «{reply}».</translation>
    </message>
    <message>
        <source>Create an app password (Google account &gt; Security &gt; 2-Step Verification &gt; App passwords) and enter it here instead of the normal password.</source>
        <translation>Cree una contraseña de aplicación (Cuenta de Google &gt; Seguridad &gt; Verificación en dos pasos &gt; Contraseñas de aplicaciones) y escríbala aquí en lugar de la contraseña normal.</translation>
    </message>
    <message>
        <source>Google Workspace: if app passwords are not offered, the administrator has turned them off; ask them, or use Google&apos;s SMTP relay service.</source>
        <translation>Google Workspace: si no aparecen las contraseñas de aplicación, el administrador las ha desactivado; consúltelo con él o use el servicio de relay SMTP de Google.</translation>
    </message>
    <message>
        <source>Gmail no longer accepts the normal password for SMTP: only an app password (it needs 2-Step Verification) or OAuth2 sign-in.</source>
        <translation>Gmail ya no acepta la contraseña normal para SMTP: solo una contraseña de aplicación (requiere la verificación en dos pasos) o el inicio de sesión con OAuth2.</translation>
    </message>
    <message>
        <source>Microsoft refused the user name or password</source>
        <translation>Microsoft rechazó el nombre de usuario o la contraseña</translation>
    </message>
    <message>
        <source>The server answered “{reply}”. Microsoft 365 and Exchange say this for a wrong user name or password, and also when the account may not log in over SMTP.</source>
        <translation>El servidor respondió «{reply}». Microsoft 365 y Exchange lo dicen cuando el nombre de usuario o la contraseña son incorrectos, y también cuando la cuenta no tiene permitido iniciar sesión por SMTP.</translation>
    </message>
    <message>
        <source>An account with multi-factor sign-in cannot use its normal password here: use a relay service or a connector.</source>
        <translation>Una cuenta con autenticación multifactor no puede usar aquí su contraseña normal: use un servicio de retransmisión (relay) o un conector.</translation>
    </message>
    <message>
        <source>User name or password refused</source>
        <translation>Nombre de usuario o contraseña rechazados</translation>
    </message>
    <message>
        <source>The server refused the login: {reply}</source>
        <translation>El servidor rechazó el inicio de sesión: {reply}</translation>
    </message>
    <message>
        <source>Log in to the provider&apos;s webmail with the same user name and password to check them.</source>
        <translation>Para comprobarlos, inicie sesión en el correo web del proveedor con el mismo nombre de usuario y contraseña.</translation>
    </message>
    <message>
        <source>Gmail and Google Workspace need an app password (Google account &gt; Security &gt; App passwords), not the normal password. Microsoft 365 needs “Authenticated SMTP” enabled for the mailbox.</source>
        <translation>Gmail y Google Workspace necesitan una contraseña de aplicación (Cuenta de Google &gt; Seguridad &gt; Contraseñas de aplicaciones), no la contraseña normal. Microsoft 365 necesita que el buzón tenga activado «SMTP autenticado».</translation>
    </message>
    <message>
        <source>The server is busy or closing the connection</source>
        <translation>El servidor está ocupado o está cerrando la conexión</translation>
    </message>
    <message>
        <source>The server answered “{reply}”: it is not taking mail from this computer right now (too many connections, a sending limit, or maintenance).</source>
        <translation>El servidor respondió «{reply}»: ahora mismo no acepta correo de este equipo (demasiadas conexiones, un límite de envío o tareas de mantenimiento).</translation>
    </message>
    <message>
        <source>If it persists, ask your provider whether your office&apos;s internet address is limited or blocked.</source>
        <translation>Si persiste, pregunte a su proveedor si la dirección de internet de su oficina está limitada o bloqueada.</translation>
    </message>
    <message>
        <source>Providers limit how fast an account may send: Microsoft 365 about 30 messages a minute, Gmail 500 a day (Google Workspace 2,000). For newsletters from a CRM, use a relay service.</source>
        <translation>Los proveedores limitan la velocidad de envío de cada cuenta: Microsoft 365, unos 30 mensajes por minuto; Gmail, 500 al día (Google Workspace, 2000). Para los boletines que se envían desde un CRM, use un servicio de retransmisión (relay).</translation>
    </message>
    <message>
        <source>Too many attempts: the server holds this back for now</source>
        <translation>Demasiados intentos: el servidor lo frena por ahora</translation>
    </message>
    <message>
        <source>The server answered “{reply}”: it limits how often this computer or account may connect, log in or send, and the limit has been reached. This is not greylisting: testing again at once does not help.</source>
        <translation>El servidor respondió «{reply}»: limita cuántas veces este equipo o esta cuenta puede conectarse, iniciar sesión o enviar, y se alcanzó el límite. No es greylisting: volver a probar enseguida no ayuda.</translation>
    </message>
    <message>
        <source>Wait {minutes} minutes, then run one test again.</source>
        <translation>Espere {minutes} minutos y luego haga una sola prueba.</translation>
    </message>
    <message>
        <source>Do not test repeatedly in the meantime: every attempt counts, and repeated tests make the block last longer.</source>
        <translation>Mientras tanto, no pruebe una y otra vez: cada intento cuenta, y las pruebas repetidas hacen que el bloqueo dure más.</translation>
    </message>
    <message>
        <source>If another program sends with the same account (a scanner, a CRM), it may use up the limit: ask your provider what the account&apos;s limits are.</source>
        <translation>Si otro programa envía con la misma cuenta (un escáner, un CRM), puede agotar el límite: pregunte a su proveedor cuáles son los límites de la cuenta.</translation>
    </message>
    <message>
        <source>Temporary problem at the server</source>
        <translation>Problema temporal en el servidor</translation>
    </message>
    <message>
        <source>The server answered “{reply}”: it cannot take this mail right now, and says so with a temporary (4xx) code.</source>
        <translation>El servidor respondió «{reply}»: ahora mismo no puede aceptar este correo, y lo indica con un código temporal (4xx).</translation>
    </message>
    <message>
        <source>Wait a few minutes and test again: some servers refuse the first attempt of a new sender on purpose (greylisting).</source>
        <translation>Espere unos minutos y vuelva a probar: algunos servidores rechazan a propósito el primer intento de un remitente nuevo (greylisting).</translation>
    </message>
    <message>
        <source>If it keeps happening, send the server&apos;s answer to your provider.</source>
        <translation>Si sigue ocurriendo, envíe la respuesta del servidor a su proveedor.</translation>
    </message>
    <message>
        <source>This server cannot take that address</source>
        <translation>Este servidor no puede aceptar esa dirección</translation>
    </message>
    <message>
        <source>{detail} Nothing was sent: the server&apos;s own list of extensions shows it, so smtpgui stopped before MAIL FROM.</source>
        <translation>{detail} No se envió nada: la propia lista de extensiones del servidor lo indica, así que smtpgui se detuvo antes de MAIL FROM.</translation>
    </message>
    <message>
        <source>Use an address with only plain letters (a-z, digits, . - _) before the @, e.g. jose@ for josé@: the mailbox&apos;s administrator can add one as an alias.</source>
        <translation>Use una dirección con solo letras sencillas (a-z, cifras, . - _) antes de la @, p. ej. jose@ en lugar de josé@: el administrador del buzón puede añadirla como alias.</translation>
    </message>
    <message>
        <source>Or send through a server that offers SMTPUTF8: Detect lists the extensions each port offers.</source>
        <translation>O envíe a través de un servidor que ofrezca SMTPUTF8: Detectar muestra las extensiones que ofrece cada puerto.</translation>
    </message>
    <message>
        <source>Not allowed to send as this sender</source>
        <translation>No tiene permiso para enviar con este remitente</translation>
    </message>
    <message>
        <source>Microsoft 365: Exchange admin center &gt; Recipients &gt; Mailboxes &gt; the From mailbox (or shared mailbox) &gt; Delegation &gt; Send As: add the login&apos;s account. It can take a while before the server applies it.</source>
        <translation>Microsoft 365: Centro de administración de Exchange &gt; Destinatarios &gt; Buzones &gt; el buzón del remitente (o buzón compartido) &gt; Delegación &gt; Enviar como: agregue la cuenta con la que se inicia sesión. El servidor puede tardar un rato en aplicarlo.</translation>
    </message>
    <message>
        <source>Gmail and Google Workspace do not refuse such mail: they quietly put the account&apos;s own address in From, unless the other address is added under Gmail settings &gt; Accounts &gt; “Send mail as”.</source>
        <translation>Gmail y Google Workspace no rechazan ese correo: ponen sin avisar la dirección de la propia cuenta como remitente, salvo que la otra dirección esté agregada en Configuración de Gmail &gt; Cuentas &gt; «Enviar correo como».</translation>
    </message>
    <message>
        <source>The server does not relay this mail</source>
        <translation>El servidor no retransmite este correo</translation>
    </message>
    <message>
        <source>The server refused to pass the mail on ({reply}). Relaying means delivering to addresses outside the server&apos;s own domains: a server does that only for logged-in accounts or for allowed internet addresses. The From address is not the problem.</source>
        <translation>El servidor se negó a retransmitir el correo ({reply}). Retransmitir (relay) significa entregar a direcciones de fuera de los dominios del propio servidor, y un servidor solo lo hace para cuentas que han iniciado sesión o para direcciones de internet autorizadas. El problema no es la dirección del remitente.</translation>
    </message>
    <message>
        <source>Set Authentication to Automatic and enter the account&apos;s user name and password.</source>
        <translation>Ponga Autenticación en «Automática» y escriba el nombre de usuario y la contraseña de la cuenta.</translation>
    </message>
    <message>
        <source>Check that the server is your provider&apos;s outgoing (SMTP) server, not another company&apos;s or the recipient&apos;s.</source>
        <translation>Compruebe que el servidor es el servidor de correo saliente (SMTP) de su proveedor, y no el de otra empresa o el del destinatario.</translation>
    </message>
    <message>
        <source>A relay without login must allow your office&apos;s internet address: ask whoever runs it.</source>
        <translation>Un relay sin inicio de sesión debe autorizar la dirección de internet de su oficina: consúltelo con su responsable.</translation>
    </message>
    <message>
        <source>Microsoft 365: a connector (Exchange admin center &gt; Mail flow &gt; Connectors, from your organisation&apos;s email server) that trusts your office&apos;s fixed internet address relays without a login.</source>
        <translation>Microsoft 365: un conector (Centro de administración de Exchange &gt; Flujo de correo &gt; Conectores, desde el servidor de correo electrónico de su organización) que confíe en la dirección de internet fija de su oficina retransmite sin inicio de sesión.</translation>
    </message>
    <message>
        <source>The test recipient&apos;s mailbox is full</source>
        <translation>El buzón del destinatario de prueba está lleno</translation>
    </message>
    <message>
        <source>The server answered “{reply}”.</source>
        <translation>El servidor respondió «{reply}».</translation>
    </message>
    <message>
        <source>Send the test to another address.</source>
        <translation>Envíe la prueba a otra dirección.</translation>
    </message>
    <message>
        <source>Ask the recipient to make room in the mailbox.</source>
        <translation>Pida al destinatario que libere espacio en su buzón.</translation>
    </message>
    <message>
        <source>Message too large</source>
        <translation>Mensaje demasiado grande</translation>
    </message>
    <message>
        <source>The server answered “{reply}”: the message is larger than it accepts. If even this small test is too large, its limit is set very low.</source>
        <translation>El servidor respondió «{reply}»: el mensaje supera el tamaño que acepta. Si incluso esta pequeña prueba es demasiado grande, su límite es muy bajo.</translation>
    </message>
    <message>
        <source>Ask the provider for the size limit.</source>
        <translation>Pregunte al proveedor cuál es el tamaño máximo.</translation>
    </message>
    <message>
        <source>Remember that attachments grow by about a third when they are sent.</source>
        <translation>Recuerde que los archivos adjuntos aumentan cerca de un tercio de tamaño al enviarse.</translation>
    </message>
    <message>
        <source>Usual limits: Gmail 25 MB, Microsoft 365 35 MB unless the administrator changed it.</source>
        <translation>Límites habituales: Gmail, 25 MB; Microsoft 365, 35 MB, salvo que el administrador lo haya cambiado.</translation>
    </message>
    <message>
        <source>Refused by the server&apos;s rules</source>
        <translation>Rechazado por las reglas del servidor</translation>
    </message>
    <message>
        <source>The server refused the mail for a reason of its own and said: {reply}</source>
        <translation>El servidor rechazó el correo por un motivo propio y dijo: {reply}</translation>
    </message>
    <message>
        <source>Look in the server&apos;s words for a block list, your internet address or the From address: that is what it objects to.</source>
        <translation>Busque en la respuesta del servidor una lista de bloqueo, su dirección de internet o la dirección del remitente: eso es lo que rechaza.</translation>
    </message>
    <message>
        <source>Send the exact answer to your mail provider: only they can change their rules.</source>
        <translation>Envíe la respuesta exacta a su proveedor de correo: solo él puede cambiar sus reglas.</translation>
    </message>
    <message>
        <source>Sender address refused</source>
        <translation>Dirección del remitente rechazada</translation>
    </message>
    <message>
        <source>The server refused the From address: {reply}</source>
        <translation>El servidor rechazó la dirección del remitente: {reply}</translation>
    </message>
    <message>
        <source>Set From to the account&apos;s own address.</source>
        <translation>Ponga como remitente la dirección de la propia cuenta.</translation>
    </message>
    <message>
        <source>Check that the From address is spelt right and its domain exists.</source>
        <translation>Compruebe que la dirección del remitente esté bien escrita y que su dominio exista.</translation>
    </message>
    <message>
        <source>Recipient refused</source>
        <translation>Destinatario rechazado</translation>
    </message>
    <message>
        <source>The server refused the test recipient: {reply}</source>
        <translation>El servidor rechazó el destinatario de prueba: {reply}</translation>
    </message>
    <message>
        <source>Check the test recipient address.</source>
        <translation>Compruebe la dirección del destinatario de prueba.</translation>
    </message>
    <message>
        <source>Message refused</source>
        <translation>Mensaje rechazado</translation>
    </message>
    <message>
        <source>The server refused the test message: {reply}</source>
        <translation>El servidor rechazó el mensaje de prueba: {reply}</translation>
    </message>
    <message>
        <source>Sign in with OAuth2 again (with the mailbox&apos;s own account), then save.</source>
        <translation>Vuelva a iniciar sesión con OAuth2 (con la cuenta del propio buzón) y guarde.</translation>
    </message>
    <message>
        <source>Sign in with OAuth2 again</source>
        <translation>Vuelva a iniciar sesión con OAuth2</translation>
    </message>
    <message>
        <source>If the sign-in service cannot be reached, check the internet connection and the OAuth2 addresses.</source>
        <translation>Si no se puede acceder al servicio de inicio de sesión, compruebe la conexión a internet y las direcciones de OAuth2.</translation>
    </message>
    <message>
        <source>The sign-in does not allow sending mail</source>
        <translation>El inicio de sesión no permite enviar correo</translation>
    </message>
    <message>
        <source>The server accepted the sign-in but not for sending mail: the token was asked for other scopes. {detail}</source>
        <translation>El servidor aceptó el inicio de sesión, pero no para enviar correo: el token se pidió para otros ámbitos (scopes). {detail}</translation>
    </message>
    <message>
        <source>Put the scope the server names in the OAuth2 scopes (Gmail: https://mail.google.com/; Microsoft 365: https://outlook.office.com/SMTP.Send offline_access), then sign in again and save.</source>
        <translation>Ponga en los ámbitos (scopes) de OAuth2 el que indica el servidor (Gmail: https://mail.google.com/; Microsoft 365: https://outlook.office.com/SMTP.Send offline_access), vuelva a iniciar sesión y guarde.</translation>
    </message>
    <message>
        <source>Microsoft 365: the app registration needs the delegated permission SMTP.Send, with an administrator&apos;s consent where the organisation requires it.</source>
        <translation>Microsoft 365: el registro de aplicación necesita el permiso delegado SMTP.Send, con el consentimiento de un administrador si la organización lo exige.</translation>
    </message>
    <message>
        <source>The server refused the sign-in</source>
        <translation>El servidor rechazó el inicio de sesión</translation>
    </message>
    <message>
        <source>The access token is invalid, expired or was revoked, or it belongs to another account than the user name. {detail}</source>
        <translation>El token de acceso no es válido, caducó o se revocó, o pertenece a otra cuenta distinta del nombre de usuario. {detail}</translation>
    </message>
    <message>
        <source>The user name must be the address of the account you signed in with.</source>
        <translation>El nombre de usuario debe ser la dirección de la cuenta con la que inició sesión.</translation>
    </message>
</context>
<context>
    <name>Discover</name>
    <message>
        <source>Caution: {host} is outside {domain} and is no known provider&apos;s server. Use it only if your mail provider confirms it.</source>
        <translation>Atención: {host} está fuera de {domain} y no es un servidor de ningún proveedor conocido. Úselo solo si su proveedor de correo lo confirma.</translation>
    </message>
    <message>
        <source>catalogue: {name}, by the domain {detail}</source>
        <translation>catálogo: {name}, por el dominio {detail}</translation>
    </message>
    <message>
        <source>DNS SRV record {detail}</source>
        <translation>registro DNS SRV {detail}</translation>
    </message>
    <message>
        <source>DNS MX record {detail} → {name}</source>
        <translation>registro DNS MX {detail} → {name}</translation>
    </message>
    <message>
        <source>autoconfig: {detail}</source>
        <translation>autoconfig: {detail}</translation>
    </message>
    <message>
        <source>Thunderbird ISPDB: {detail}</source>
        <translation>ISPDB de Thunderbird: {detail}</translation>
    </message>
    <message>
        <source>guess: {detail} answered</source>
        <translation>suposición: {detail} respondió</translation>
    </message>
</context>
<context>
    <name>DiscoverDialog</name>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Encontrado en</translation>
    </message>
    <message>
        <source>Find the settings of an e-mail address</source>
        <translation>Buscar la configuración de una dirección de correo electrónico</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nombre@example.com</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>De&amp;tener</translation>
    </message>
    <message>
        <source>Looks in the list of known providers, in the domain&apos;s DNS records and, when nothing else answers, at the usual server names. Nothing is used until you choose it.</source>
        <translation>Busca en la lista de proveedores conocidos, en los registros DNS del dominio y, si nada de eso responde, en los nombres de servidor habituales. No se usa nada hasta que usted lo elija.</translation>
    </message>
    <message>
        <source>&amp;Use this setting</source>
        <translation>&amp;Usar esta configuración</translation>
    </message>
    <message>
        <source>E-mail &amp;address:</source>
        <translation>&amp;Dirección de correo electrónico:</translation>
    </message>
    <message>
        <source>Enter an address such as name@example.com.</source>
        <translation>Escriba una dirección como nombre@example.com.</translation>
    </message>
    <message>
        <source>Looking for the settings of %s…</source>
        <translation>Buscando la configuración de %s…</translation>
    </message>
    <message>
        <source>Found %d. Choose one and press Use this setting, then Test to check it.</source>
        <translation>Resultados: %d. Elija uno, haga clic en Usar esta configuración y luego en Probar para comprobarlo.</translation>
    </message>
    <message>
        <source>Nothing was found. Ask your mail provider for the outgoing server (SMTP) settings.</source>
        <translation>No se encontró nada. Pida a su proveedor de correo la configuración del servidor de correo saliente (SMTP).</translation>
    </message>
</context>
<context>
    <name>Endpoint</name>
    <message>
        <source>Enter the server&apos;s host name, e.g. smtp.example.com</source>
        <translation>Escriba el nombre del servidor, p. ej., smtp.example.com</translation>
    </message>
    <message>
        <source>Port must be a number from 1 to 65535</source>
        <translation>El puerto debe ser un número del 1 al 65535</translation>
    </message>
    <message>
        <source>At most {limit} servers (the main one and {backups} backups); this field has {count}.</source>
        <translation>Como máximo {limit} servidores (el principal y {backups} de respaldo); este campo tiene {count}.</translation>
    </message>
    <message>
        <source>Main server: {problem}</source>
        <translation>Servidor principal: {problem}</translation>
    </message>
    <message>
        <source>Backup server {number}: {problem}</source>
        <translation>Servidor de respaldo {number}: {problem}</translation>
    </message>
    <message>
        <source>The server name cannot contain spaces</source>
        <translation>El nombre del servidor no puede contener espacios</translation>
    </message>
    <message>
        <source>The server name cannot contain invisible or control characters</source>
        <translation>El nombre del servidor no puede contener caracteres invisibles ni de control</translation>
    </message>
    <message>
        <source>&quot;{prefix}&quot; is not a prefix this field understands. Use ssl:// (SSL/TLS, usually port 465) or tls:// (STARTTLS, usually port 587).</source>
        <translation>«{prefix}» no es un prefijo que este campo entienda. Use ssl:// (SSL/TLS, normalmente el puerto 465) o tls:// (STARTTLS, normalmente el puerto 587).</translation>
    </message>
    <message>
        <source>Use one &quot;:&quot; before the port; put an IPv6 address in square brackets, e.g. [2001:db8::1]:587</source>
        <translation>Use un solo «:» antes del puerto; escriba las direcciones IPv6 entre corchetes, p. ej., [2001:db8::1]:587</translation>
    </message>
    <message>
        <source>The &quot;[&quot; has no matching &quot;]&quot;, e.g. [2001:db8::1]:587</source>
        <translation>Falta el «]» que cierra el «[», p. ej., [2001:db8::1]:587</translation>
    </message>
    <message>
        <source>Square brackets are only for IPv6 addresses, e.g. [2001:db8::1]</source>
        <translation>Los corchetes solo se usan para direcciones IPv6, p. ej., [2001:db8::1]</translation>
    </message>
    <message>
        <source>Only &quot;:port&quot; may follow the &quot;]&quot;, e.g. [2001:db8::1]:587</source>
        <translation>Después del «]» solo puede ir «:puerto», p. ej., [2001:db8::1]:587</translation>
    </message>
    <message>
        <source>Port must be a number from 1 to 65535 after the colon</source>
        <translation>Después de los dos puntos, el puerto debe ser un número del 1 al 65535</translation>
    </message>
    <message>
        <source>Port must be a number from 1 to 65535, not &quot;{port}&quot;</source>
        <translation>El puerto debe ser un número del 1 al 65535, no «{port}»</translation>
    </message>
    <message>
        <source>After the &quot;%&quot; of an IPv6 address comes a network interface name such as eth0, not &quot;{zone}&quot;</source>
        <translation>Tras el «%» de una dirección IPv6 va el nombre de una interfaz de red, como eth0, no «{zone}»</translation>
    </message>
    <message>
        <source>&quot;{host}&quot; is not a valid server name; use letters, digits, hyphens and dots</source>
        <translation>«{host}» no es un nombre de servidor válido; use letras, números, guiones y puntos</translation>
    </message>
    <message>
        <source>The server name is too long (at most {limit} characters)</source>
        <translation>El nombre del servidor es demasiado largo (como máximo {limit} caracteres)</translation>
    </message>
    <message>
        <source>&quot;{host}&quot; is not a valid IP address</source>
        <translation>«{host}» no es una dirección IP válida</translation>
    </message>
</context>
<context>
    <name>ExitCode</name>
    <message>
        <source>success: the test message was accepted (and saved, with --save)</source>
        <translation>éxito: el mensaje de prueba fue aceptado (y guardado, con --save)</translation>
    </message>
    <message>
        <source>unexpected error (a bug: please report it with the output)</source>
        <translation>error inesperado (un fallo del programa: repórtelo con la salida)</translation>
    </message>
    <message>
        <source>invalid input: an option, the saved settings or a profile file</source>
        <translation>entrada no válida: una opción, la configuración guardada o un archivo de perfil</translation>
    </message>
    <message>
        <source>no password: none stored for this user and server, none given on stdin</source>
        <translation>sin contraseña: no hay ninguna guardada para este usuario y servidor, ni se dio por la entrada estándar</translation>
    </message>
    <message>
        <source>connect: the name lookup or the TCP connection failed</source>
        <translation>conexión: falló la búsqueda del nombre o la conexión TCP</translation>
    </message>
    <message>
        <source>TLS: the handshake or the certificate check failed</source>
        <translation>TLS: falló la negociación o la comprobación del certificado</translation>
    </message>
    <message>
        <source>greeting: the server did not greet, or refused us</source>
        <translation>saludo: el servidor no saludó o nos rechazó</translation>
    </message>
    <message>
        <source>EHLO (or HELO) refused</source>
        <translation>EHLO (o HELO) rechazado</translation>
    </message>
    <message>
        <source>STARTTLS not offered or refused</source>
        <translation>STARTTLS no ofrecido o rechazado</translation>
    </message>
    <message>
        <source>AUTH: the login was refused or impossible</source>
        <translation>AUTH: el inicio de sesión fue rechazado o no fue posible</translation>
    </message>
    <message>
        <source>MAIL FROM: the sender was refused</source>
        <translation>MAIL FROM: el remitente fue rechazado</translation>
    </message>
    <message>
        <source>RCPT TO: the recipient was refused</source>
        <translation>RCPT TO: el destinatario fue rechazado</translation>
    </message>
    <message>
        <source>DATA: the message was refused</source>
        <translation>DATA: el mensaje fue rechazado</translation>
    </message>
    <message>
        <source>timeout: the server stopped answering in some step</source>
        <translation>tiempo agotado: el servidor dejó de responder en algún paso</translation>
    </message>
    <message>
        <source>the test passed but nothing was saved (keyring or file problem)</source>
        <translation>la prueba salió bien pero no se guardó nada (problema del almacén de contraseñas o del archivo)</translation>
    </message>
    <message>
        <source>uncertain: the whole message was sent but never confirmed; it may have been delivered, so look in the recipient&apos;s inbox before testing again</source>
        <translation>sin confirmar: el mensaje se envió entero pero nunca se confirmó; puede que se haya entregado, así que mire la bandeja de entrada del destinatario antes de volver a probar</translation>
    </message>
    <message>
        <source>domain-check: the domain&apos;s records make recipients reject or drop the mail</source>
        <translation>domain-check: los registros del dominio hacen que los destinatarios rechacen o descarten el correo</translation>
    </message>
    <message>
        <source>cancelled with Ctrl-C</source>
        <translation>cancelado con Ctrl-C</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source>Guide: &amp;setting up</source>
        <translation>Guía: &amp;configuración inicial</translation>
    </message>
    <message>
        <source>Guide: &amp;using the window</source>
        <translation>Guía: &amp;uso de la ventana</translation>
    </message>
    <message>
        <source>Guide: &amp;where things are stored</source>
        <translation>Guía: dónde se &amp;guarda todo</translation>
    </message>
    <message>
        <source>Guide: s&amp;ecurity</source>
        <translation>Guía: s&amp;eguridad</translation>
    </message>
    <message>
        <source>Guide: &amp;command line and scripts</source>
        <translation>Guía: &amp;línea de comandos y scripts</translation>
    </message>
    <message>
        <source>smtpgui guide</source>
        <translation>Guía de smtpgui</translation>
    </message>
</context>
<context>
    <name>Insecure</name>
    <message>
        <source>Certificates are not checked: anyone on the way to the server could pretend to be it.</source>
        <translation>Los certificados no se comprueban: cualquiera en el camino hacia el servidor podría hacerse pasar por él.</translation>
    </message>
    <message>
        <source>Login without encryption is allowed: the password may cross the network readable.</source>
        <translation>Se permite iniciar sesión sin cifrado: la contraseña puede viajar por la red de forma legible.</translation>
    </message>
</context>
<context>
    <name>LogPane</name>
    <message>
        <source>The conversation with the server appears here, line by line, with passwords hidden.</source>
        <translation>Aquí aparece la conversación con el servidor, línea por línea, con las contraseñas ocultas.</translation>
    </message>
    <message>
        <source>Server conversation</source>
        <translation>Conversación con el servidor</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>Find in log (Ctrl+F)</source>
        <translation>Buscar en el registro (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find in log</source>
        <translation>Buscar en el registro</translation>
    </message>
    <message>
        <source>C&amp;opy log</source>
        <translation>Cop&amp;iar registro</translation>
    </message>
    <message>
        <source>Save support file…</source>
        <translation>Guardar archivo de soporte…</translation>
    </message>
    <message>
        <source>A text file with the settings (never the password), the steps, the diagnosis and the log, to send to whoever helps you.</source>
        <translation>Un archivo de texto con la configuración (nunca la contraseña), los pasos, el diagnóstico y el registro, para enviarlo a quien le ayude.</translation>
    </message>
</context>
<context>
    <name>OAuth</name>
    <message>
        <source>The stored sign-in is no longer valid (it was revoked, expired or the password changed). Sign in again with OAuth2 and save.</source>
        <translation>El inicio de sesión guardado ya no es válido (se revocó, caducó o cambió la contraseña). Vuelva a iniciar sesión con OAuth2 y guarde.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Inicio de sesión cancelado.</translation>
    </message>
    <message>
        <source>The sign-in service refused the client ID or its client secret ({error}: {description}). Copy both from the app registration; a Google desktop client needs its client secret, a Microsoft one must allow public client flows.</source>
        <translation>El servicio de inicio de sesión rechazó el ID de cliente o su secreto de cliente ({error}: {description}). Copie ambos del registro de la aplicación; un cliente de escritorio de Google necesita su secreto de cliente, y uno de Microsoft debe permitir los flujos de cliente público.</translation>
    </message>
    <message>
        <source>The permission was refused at sign-in. Sign in again and accept, or ask your administrator to allow the application.</source>
        <translation>Se rechazó el permiso al iniciar sesión. Vuelva a iniciar sesión y acepte, o pida a su administrador que autorice la aplicación.</translation>
    </message>
    <message>
        <source>The sign-in service refused the request: {error} {description}</source>
        <translation>El servicio de inicio de sesión rechazó la solicitud: {error} {description}</translation>
    </message>
    <message>
        <source>The sign-in service refused the sign-in just made (invalid_grant: {description}). Start it again; if it is refused again, check that this computer&apos;s clock is right and that the app registration allows this sign-in.</source>
        <translation>El servicio de inicio de sesión rechazó el inicio de sesión recién hecho (invalid_grant: {description}). Vuelva a empezarlo; si lo rechaza de nuevo, compruebe que el reloj de este equipo está en hora y que el registro de la aplicación permite este inicio de sesión.</translation>
    </message>
    <message>
        <source>The sign-in service answered {name} = {value}, which is not a number of seconds ({low} to {high}).</source>
        <translation>El servicio de inicio de sesión respondió {name} = {value}, que no es un número de segundos (de {low} a {high}).</translation>
    </message>
    <message>
        <source>The sign-in address {url} must start with https://.</source>
        <translation>La dirección de inicio de sesión {url} debe empezar por https://.</translation>
    </message>
    <message>
        <source>The sign-in service {host} could not be used ({reason}).</source>
        <translation>No se pudo usar el servicio de inicio de sesión {host} ({reason}).</translation>
    </message>
    <message>
        <source>Still waiting for the browser. If it shows an error instead of a sign-in page, the likely causes are a wrong client ID or tenant, an app registration without the redirect address http://127.0.0.1 (a desktop or mobile app), or a scope the app may not ask for: cancel, correct the settings and sign in again.</source>
        <translation>Todavía se espera al navegador. Si muestra un error en lugar de una página de inicio de sesión, las causas probables son un ID de cliente o un inquilino (tenant) incorrectos, un registro de aplicación sin la dirección de redirección http://127.0.0.1 (aplicación de escritorio o móvil) o un ámbito (scope) que la aplicación no puede pedir: cancele, corrija la configuración y vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>No web browser could be opened on this computer: sign in with a code on another device instead.</source>
        <translation>No se pudo abrir ningún navegador web en este equipo: inicie sesión con un código en otro dispositivo.</translation>
    </message>
    <message>
        <source>The sign-in was not finished in the browser within {minutes} minutes. Start it again.</source>
        <translation>El inicio de sesión no se terminó en el navegador en {minutes} minutos. Vuelva a empezar.</translation>
    </message>
    <message>
        <source>This provider offers no sign-in with a code.</source>
        <translation>Este proveedor no ofrece el inicio de sesión con un código.</translation>
    </message>
    <message>
        <source>The code expired before the sign-in was finished. Start again.</source>
        <translation>El código caducó antes de terminar el inicio de sesión. Vuelva a empezar.</translation>
    </message>
</context>
<context>
    <name>OAuthFields</name>
    <message>
        <source>from the app registration</source>
        <translation>del registro de la aplicación</translation>
    </message>
    <message>
        <source>Only if the registration gave one (Google desktop clients); kept in the keyring</source>
        <translation>Solo si el registro le dio uno (clientes de escritorio de Google); se guarda en el almacén de contraseñas</translation>
    </message>
    <message>
        <source>Microsoft: your domain or directory ID</source>
        <translation>Microsoft: su dominio o el ID del directorio</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>separated by spaces</source>
        <translation>separados por espacios</translation>
    </message>
    <message>
        <source>Sign in in the browser</source>
        <translation>Iniciar sesión en el navegador</translation>
    </message>
    <message>
        <source>Sign in with a code</source>
        <translation>Iniciar sesión con un código</translation>
    </message>
    <message>
        <source>For a computer without a browser: type a code on another device</source>
        <translation>Para un equipo sin navegador: escriba un código en otro dispositivo</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>ID de cliente:</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>Secreto de cliente:</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Inquilino (tenant):</translation>
    </message>
    <message>
        <source>Sign-in page:</source>
        <translation>Página de inicio de sesión:</translation>
    </message>
    <message>
        <source>Token address:</source>
        <translation>Dirección de tokens:</translation>
    </message>
    <message>
        <source>Device code address:</source>
        <translation>Dirección del código de dispositivo:</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Ámbitos (scopes):</translation>
    </message>
    <message>
        <source>stored in the keyring: leave empty to keep it</source>
        <translation>guardado en el almacén de contraseñas: déjelo vacío para conservarlo</translation>
    </message>
    <message>
        <source>only if the provider gave one</source>
        <translation>solo si el proveedor le dio uno</translation>
    </message>
    <message>
        <source>Signed in. Test or Save uses this sign-in.</source>
        <translation>Sesión iniciada. Probar o Guardar usan este inicio de sesión.</translation>
    </message>
    <message>
        <source>A saved sign-in is in the keyring: Test uses it.</source>
        <translation>Hay un inicio de sesión guardado en el almacén de contraseñas: Probar lo usa.</translation>
    </message>
    <message>
        <source>Not signed in yet: press one of the buttons above.</source>
        <translation>Todavía no ha iniciado sesión: pulse uno de los botones de arriba.</translation>
    </message>
</context>
<context>
    <name>Phase</name>
    <message>
        <source>finding the server (DNS)</source>
        <translation>búsqueda del servidor (DNS)</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>conexión</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>negociación TLS</translation>
    </message>
    <message>
        <source>server greeting</source>
        <translation>saludo del servidor</translation>
    </message>
    <message>
        <source>EHLO</source>
        <translation>EHLO</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>EHLO after STARTTLS</source>
        <translation>EHLO tras STARTTLS</translation>
    </message>
    <message>
        <source>login (AUTH)</source>
        <translation>inicio de sesión (AUTH)</translation>
    </message>
    <message>
        <source>sender (MAIL FROM)</source>
        <translation>remitente (MAIL FROM)</translation>
    </message>
    <message>
        <source>recipient (RCPT TO)</source>
        <translation>destinatario (RCPT TO)</translation>
    </message>
    <message>
        <source>message (DATA)</source>
        <translation>mensaje (DATA)</translation>
    </message>
    <message>
        <source>QUIT</source>
        <translation>QUIT</translation>
    </message>
</context>
<context>
    <name>PhaseList</name>
    <message>
        <source>not run</source>
        <translation>sin ejecutar</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>superado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>omitido</translation>
    </message>
    <message>
        <source>sent, not confirmed</source>
        <translation>enviado, sin confirmar</translation>
    </message>
    <message>
        <source>Test steps</source>
        <translation>Pasos de la prueba</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>%d ms</source>
        <translation>%d ms</translation>
    </message>
</context>
<context>
    <name>Probe</name>
    <message>
        <source>Certificate {subject} (names: {names}), issued by {issuer} (self-signed), valid {start} to {end}, SHA-256 {fingerprint}</source>
        <translation>Certificado {subject} (nombres: {names}), emitido por {issuer} (autofirmado), válido del {start} al {end}, SHA-256 {fingerprint}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Certificate {subject} (names: {names}), issued by {issuer}, valid {start} to {end}, SHA-256 {fingerprint}</source>
        <translation>Certificado {subject} (nombres: {names}), emitido por {issuer}, válido del {start} al {end}, SHA-256 {fingerprint}</translation>
    </message>
    <message>
        <source>The address {address} holds a line break or a control character; nothing was sent.</source>
        <translation>La dirección {address} contiene un salto de línea o un carácter de control; no se ha enviado nada.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not SMTP.</source>
        <translation>La respuesta del servidor no es SMTP.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>The server answers too slowly: the test took more than {seconds} seconds in all.</source>
        <translation>El servidor responde demasiado despacio: la prueba tardó más de {seconds} segundos en total.</translation>
    </message>
    <message>
        <source>No answer within {seconds} seconds.</source>
        <translation>Sin respuesta en {seconds} segundos.</translation>
    </message>
    <message>
        <source>The server stopped answering (timed out).</source>
        <translation>El servidor dejó de responder (se agotó el tiempo de espera).</translation>
    </message>
    <message>
        <source>Timed out.</source>
        <translation>Se agotó el tiempo de espera.</translation>
    </message>
    <message>
        <source>The server name could not be found ({reason}).</source>
        <translation>No se encontró el nombre del servidor ({reason}).</translation>
    </message>
    <message>
        <source>The connection was refused: nothing answers on that port.</source>
        <translation>Se rechazó la conexión: nada responde en ese puerto.</translation>
    </message>
    <message>
        <source>The server answered {code} {reply}</source>
        <translation>El servidor respondió {code} {reply}</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>El servidor cerró la conexión.</translation>
    </message>
    <message>
        <source>Trying backup server {endpoint}</source>
        <translation>Probando con el servidor de respaldo {endpoint}</translation>
    </message>
    <message>
        <source>The whole test may take {total} s and that time is used up: not tried {servers}.</source>
        <translation>La prueba completa puede durar {total} s y ese tiempo se ha agotado: no se probó {servers}.</translation>
    </message>
    <message>
        <source>Connecting to {endpoint} (time limit {seconds} s per step, {total} s in all)</source>
        <translation>Conectando con {endpoint} (límite de tiempo {seconds} s por paso, {total} s en total)</translation>
    </message>
    <message>
        <source>Connected to {peer}</source>
        <translation>Conectado a {peer}</translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS on this port.</source>
        <translation>El servidor no ofrece STARTTLS en este puerto.</translation>
    </message>
    <message>
        <source>{refusal} {finding}</source>
        <translation>{refusal} {finding}</translation>
    </message>
    <message>
        <source>The connection is not encrypted, so the password was not sent.</source>
        <translation>La conexión no está cifrada, así que no se envió la contraseña.</translation>
    </message>
    <message>
        <source>The server offers no login on this connection.</source>
        <translation>El servidor no ofrece inicio de sesión en esta conexión.</translation>
    </message>
    <message>
        <source>The server offers only {mechanisms} on this connection.</source>
        <translation>El servidor solo ofrece {mechanisms} en esta conexión.</translation>
    </message>
    <message>
        <source>You chose {chosen}, but the server offers only {offered} on this connection, so {chosen} was not tried.</source>
        <translation>Eligió {chosen}, pero el servidor solo ofrece {offered} en esta conexión, así que no se probó {chosen}.</translation>
    </message>
    <message>
        <source>The server refused the access token: status {status}, scope needed {scope}; then it answered {code} {reply}</source>
        <translation>El servidor rechazó el token de acceso: estado {status}, ámbito (scope) necesario {scope}; después respondió {code} {reply}</translation>
    </message>
    <message>
        <source>An address is not ASCII: sending with SMTPUTF8</source>
        <translation>Una dirección no es ASCII: se envía con SMTPUTF8</translation>
    </message>
    <message>
        <source>Test message accepted: {message_id}</source>
        <translation>Mensaje de prueba aceptado: {message_id}</translation>
    </message>
    <message>
        <source>{phase} failed: {detail}</source>
        <translation>Falló {phase}: {detail}</translation>
    </message>
    <message>
        <source>The server sent a line longer than {limit} bytes; an SMTP reply line has at most 512 (RFC 5321 §4.5.3.1.5).</source>
        <translation>El servidor envió una línea de más de {limit} bytes; una línea de respuesta SMTP tiene como máximo 512 (RFC 5321 §4.5.3.1.5).</translation>
    </message>
    <message>
        <source>The server&apos;s reply went on past {limit} KiB or {lines} lines without ending; no SMTP server sends that.</source>
        <translation>La respuesta del servidor superó los {limit} KiB o las {lines} líneas sin terminar; ningún servidor SMTP envía algo así.</translation>
    </message>
    <message>
        <source>A command with a line break in it was refused before it was sent (an address or value holds a line break); nothing more was sent.</source>
        <translation>Se rechazó un comando con un salto de línea antes de enviarlo (una dirección o un valor contiene un salto de línea); no se ha enviado nada más.</translation>
    </message>
    <message>
        <source>Certificate NOT verified (verification turned off)</source>
        <translation>Certificado NO verificado (la verificación está desactivada)</translation>
    </message>
    <message>
        <source>No CA certificate file is chosen.</source>
        <translation>No se ha elegido ningún archivo de certificado de CA.</translation>
    </message>
    <message>
        <source>The CA certificate file {path} cannot be used ({reason}).</source>
        <translation>No se puede usar el archivo de certificado de CA {path} ({reason}).</translation>
    </message>
    <message>
        <source>CA file {path} read as {format}: {count} certificate(s)</source>
        <translation>Archivo de CA {path} leído como {format}: {count} certificado(s)</translation>
    </message>
    <message>
        <source>The server&apos;s certificate changed: pinned {pinned}, got {got}</source>
        <translation>El certificado del servidor cambió: el fijado es {pinned} y el recibido, {got}</translation>
    </message>
    <message>
        <source>NOT the pinned certificate</source>
        <translation>NO es el certificado fijado</translation>
    </message>
    <message>
        <source>pinned fingerprint matches</source>
        <translation>coincide con la huella digital fijada</translation>
    </message>
    <message>
        <source>NOT verified: verification turned off</source>
        <translation>NO verificado: la verificación está desactivada</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verificado</translation>
    </message>
    <message>
        <source>{version} {cipher}; certificate for {subject} issued by {issuer} ({verdict})</source>
        <translation>{version} {cipher}; certificado para {subject} emitido por {issuer} ({verdict})</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: {reason}.</source>
        <translation>El certificado del servidor no es de confianza: {reason}.</translation>
    </message>
    <message>
        <source>The server did not answer in TLS (wrong version number): this port probably expects STARTTLS or no encryption.</source>
        <translation>El servidor no respondió con TLS (wrong version number): este puerto probablemente espera STARTTLS o ningún cifrado.</translation>
    </message>
    <message>
        <source>The TLS handshake failed ({reason}).</source>
        <translation>Falló la negociación TLS ({reason}).</translation>
    </message>
    <message>
        <source>Connecting again to show the certificate (not checked, no login)</source>
        <translation>Conectando de nuevo para mostrar el certificado (sin comprobarlo ni iniciar sesión)</translation>
    </message>
    <message>
        <source>stopped (time limit or Cancel)</source>
        <translation>detenido (límite de tiempo o Cancelar)</translation>
    </message>
    <message>
        <source>The certificate could not be fetched: {why}</source>
        <translation>No se pudo obtener el certificado: {why}</translation>
    </message>
    <message>
        <source>The server sent only its own certificate, not that of its issuer “{issuer}”.</source>
        <translation>El servidor envió solo su propio certificado, no el de su emisor «{issuer}».</translation>
    </message>
    <message>
        <source>The server sent only its own certificate, not that of its issuer “{issuer}”. The issuer&apos;s certificate is published at {url} (smtpgui does not fetch it).</source>
        <translation>El servidor envió solo su propio certificado, no el de su emisor «{issuer}». El certificado del emisor está publicado en {url} (smtpgui no lo descarga).</translation>
    </message>
    <message>
        <source>Connecting again to count the certificates the server sends (no login)</source>
        <translation>Conectando de nuevo para contar los certificados que envía el servidor (sin iniciar sesión)</translation>
    </message>
    <message>
        <source>The certificates could not be counted: {why}</source>
        <translation>No se pudieron contar los certificados: {why}</translation>
    </message>
    <message>
        <source>The server sends {count} certificate(s)</source>
        <translation>El servidor envía {count} certificado(s)</translation>
    </message>
    <message>
        <source>The address {address} has characters outside ASCII ({characters}) that only a server offering SMTPUTF8 (RFC 6531) can carry, and this server does not offer it.</source>
        <translation>La dirección {address} tiene caracteres fuera de ASCII ({characters}) que solo puede llevar un servidor que ofrezca SMTPUTF8 (RFC 6531), y este servidor no lo ofrece.</translation>
    </message>
</context>
<context>
    <name>ProviderField</name>
    <message>
        <source>Other / not listed</source>
        <translation>Otro / no aparece en la lista</translation>
    </message>
    <message>
        <source>The region the account was created in</source>
        <translation>La región en la que se creó la cuenta</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Find settings…</source>
        <translation>Buscar configuración…</translation>
    </message>
    <message>
        <source>Look up the server of an e-mail address</source>
        <translation>Buscar el servidor de una dirección de correo electrónico</translation>
    </message>
</context>
<context>
    <name>Providers</name>
    <message>
        <source>User name: your full e-mail address.</source>
        <translation>Nombre de usuario: su dirección de correo completa.</translation>
    </message>
    <message>
        <source>User name: literally {username}.</source>
        <translation>Nombre de usuario: literalmente {username}.</translation>
    </message>
    <message>
        <source>User name: the SMTP user name shown in the service&apos;s dashboard.</source>
        <translation>Nombre de usuario: el nombre de usuario SMTP que muestra el panel del servicio.</translation>
    </message>
    <message>
        <source>User name and password: both are the server&apos;s API token.</source>
        <translation>Nombre de usuario y contraseña: ambos son el token de API del servidor.</translation>
    </message>
    <message>
        <source>Any other From address is replaced by the account&apos;s own, unless it is a verified alias of the account.</source>
        <translation>Cualquier otra dirección de remitente se sustituye por la de la cuenta, salvo que sea un alias verificado de la cuenta.</translation>
    </message>
    <message>
        <source>The From address must be the account&apos;s own address or one of its aliases; the server refuses any other.</source>
        <translation>La dirección del remitente debe ser la propia de la cuenta o uno de sus alias; el servidor rechaza cualquier otra.</translation>
    </message>
    <message>
        <source>To send with another From address, the mailbox needs the Send As permission for it.</source>
        <translation>Para enviar con otra dirección de remitente, el buzón necesita el permiso «Enviar como» (Send As) para ella.</translation>
    </message>
    <message>
        <source>The From address must be a verified sender or domain in the service.</source>
        <translation>La dirección del remitente debe ser un remitente o un dominio verificado en el servicio.</translation>
    </message>
    <message>
        <source>the account&apos;s password</source>
        <translation>la contraseña de la cuenta</translation>
    </message>
    <message>
        <source>an app password</source>
        <translation>una contraseña de aplicación</translation>
    </message>
    <message>
        <source>a key made in the service&apos;s dashboard</source>
        <translation>una clave creada en el panel del servicio</translation>
    </message>
    <message>
        <source>OAuth2 sign-in</source>
        <translation>el inicio de sesión con OAuth2</translation>
    </message>
    <message>
        <source>{provider} is turning off password login for SMTP (Basic authentication): off by default from the end of December 2026. Set Authentication to OAuth2 and sign in, so that mail keeps flowing.</source>
        <translation>{provider} está desactivando el inicio de sesión con contraseña para SMTP (autenticación básica): desactivado de forma predeterminada desde finales de diciembre de 2026. Elija OAuth2 en Autenticación e inicie sesión para que el correo siga saliendo.</translation>
    </message>
    <message>
        <source>{provider} accepts only OAuth2 sign-in for SMTP: set Authentication to OAuth2.</source>
        <translation>{provider} solo acepta el inicio de sesión con OAuth2 para SMTP: elija OAuth2 en Autenticación.</translation>
    </message>
    <message>
        <source>{provider} refuses the account&apos;s own password here: make an app password in the account&apos;s security settings (2-Step Verification must be on) and enter it as the password.</source>
        <translation>{provider} rechaza aquí la contraseña propia de la cuenta: cree una contraseña de aplicación en la configuración de seguridad de la cuenta (la verificación en dos pasos debe estar activada) y escríbala como contraseña.</translation>
    </message>
    <message>
        <source>{provider} accepts for SMTP: {kinds}.</source>
        <translation>{provider} acepta para SMTP: {kinds}.</translation>
    </message>
    <message>
        <source>{provider} uses: {servers}.</source>
        <translation>{provider} usa: {servers}.</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <source>No password store (keyring) is available on this computer, so nothing was saved: install and unlock GNOME Keyring (the gnome-keyring package) or KWallet, then save again (Windows and macOS have one built in).</source>
        <translation>Este equipo no tiene ningún almacén de contraseñas (llavero), así que no se ha guardado nada: instale y desbloquee GNOME Keyring (el paquete gnome-keyring) o KWallet y vuelva a guardar (Windows y macOS ya traen uno).</translation>
    </message>
    <message>
        <source>The password store refused a secret longer than it can keep (Windows error 1783). Please report this: smtpgui stores long secrets in parts.</source>
        <translation>El almacén de contraseñas rechazó un secreto más largo de lo que puede guardar (error 1783 de Windows). Informe de ello: smtpgui guarda los secretos largos por partes.</translation>
    </message>
    <message>
        <source>The password store is locked: unlock it (log in again) and retry.</source>
        <translation>El almacén de contraseñas está bloqueado: desbloquéelo (vuelva a iniciar sesión) e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>store</source>
        <translation>guardar</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>borrar</translation>
    </message>
    <message>
        <source>The password store refused to {verb} the password ({error}). Make sure it is unlocked and try again.</source>
        <translation>El almacén de contraseñas se negó a {verb} la contraseña ({error}). Compruebe que está desbloqueado y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>ServerAdvice</name>
    <message>
        <source>Did you mean %s?</source>
        <translation>¿Quiso decir %s?</translation>
    </message>
    <message>
        <source>%s does not offer this port and security; it takes %s.</source>
        <translation>%s no ofrece este puerto con esta seguridad; acepta %s.</translation>
    </message>
    <message>
        <source>Use %s</source>
        <translation>Usar %s</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Enter the certificate&apos;s SHA-256 fingerprint: 64 hexadecimal digits (colons and spaces are fine).</source>
        <translation>Escriba la huella digital SHA-256 del certificado: 64 dígitos hexadecimales (puede incluir dos puntos y espacios).</translation>
    </message>
    <message>
        <source>Choose the CA certificate file (PEM or DER) that signed the server&apos;s certificate.</source>
        <translation>Elija el archivo del certificado de la CA (PEM o DER) que firmó el certificado del servidor.</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>No existe el archivo {path}.</translation>
    </message>
    <message>
        <source>The file {path} cannot be read (no permission).</source>
        <translation>No se puede leer el archivo {path} (no tiene permiso).</translation>
    </message>
    <message>
        <source>No password is stored for {user} on {servers}: a stored password is used only for the user name and servers it was saved with. Type the password.</source>
        <translation>No hay ninguna contraseña guardada para {user} en {servers}: una contraseña guardada solo se usa con el nombre de usuario y los servidores con los que se guardó. Escriba la contraseña.</translation>
    </message>
    <message>
        <source>The settings could not be written to the settings folder ({reason}). Nothing was changed.</source>
        <translation>No se pudo escribir la configuración en su carpeta ({reason}). No se cambió nada.</translation>
    </message>
    <message>
        <source>The settings could not be written to {where} ({reason}). Nothing was changed.</source>
        <translation>No se pudo escribir la configuración en {where} ({reason}). No se cambió nada.</translation>
    </message>
    <message>
        <source>Line breaks and control characters are not allowed in an address.</source>
        <translation>Una dirección no puede contener saltos de línea ni caracteres de control.</translation>
    </message>
    <message>
        <source>Enter an e-mail address.</source>
        <translation>Escriba una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>Enter one address only, such as name@example.com.</source>
        <translation>Escriba una sola dirección, como nombre@ejemplo.com.</translation>
    </message>
    <message>
        <source>Enter an address such as name@example.com.</source>
        <translation>Escriba una dirección como nombre@example.com.</translation>
    </message>
    <message>
        <source>The part before @ contains characters an address cannot have.</source>
        <translation>La parte anterior a la @ contiene caracteres que no puede tener una dirección.</translation>
    </message>
    <message>
        <source>“{domain}” is not a valid domain name.</source>
        <translation>«{domain}» no es un nombre de dominio válido.</translation>
    </message>
    <message>
        <source>Line breaks and control characters are not allowed in the user name.</source>
        <translation>El nombre de usuario no puede contener saltos de línea ni caracteres de control.</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read: {reason}.</source>
        <translation>No se puede leer el archivo de configuración {path}: {reason}.</translation>
    </message>
    <message>
        <source>The saved settings could not be used ({reason}). The file was kept as {aside}; the form starts empty.</source>
        <translation>No se pudo usar la configuración guardada ({reason}). El archivo se conservó como {aside}; el formulario empieza vacío.</translation>
    </message>
    <message>
        <source>The settings file {path} was written by a newer smtpgui (format {version}): update smtpgui to use it. It was left as it is.</source>
        <translation>El archivo de configuración {path} lo escribió un smtpgui más reciente (formato {version}): actualice smtpgui para usarlo. Se dejó tal como estaba.</translation>
    </message>
    <message>
        <source>Enter the user name the server expects (often the full address).</source>
        <translation>Escriba el nombre de usuario que espera el servidor (a menudo, la dirección completa).</translation>
    </message>
    <message>
        <source>The time limit must be {low} to {high} seconds.</source>
        <translation>El límite de tiempo debe ser de {low} a {high} segundos.</translation>
    </message>
    <message>
        <source>Enter the client (application) ID registered with the provider.</source>
        <translation>Escriba el ID de cliente (de aplicación) registrado en el proveedor.</translation>
    </message>
    <message>
        <source>Line breaks and control characters are not allowed here.</source>
        <translation>Aquí no se permiten saltos de línea ni caracteres de control.</translation>
    </message>
    <message>
        <source>Enter the provider&apos;s https:// address (http:// only on this computer).</source>
        <translation>Escriba la dirección https:// del proveedor (http:// solo en este equipo).</translation>
    </message>
    <message>
        <source>Enter the scopes to ask for, such as https://mail.google.com/.</source>
        <translation>Escriba los ámbitos (scopes) que se solicitan, por ejemplo https://mail.google.com/.</translation>
    </message>
    <message>
        <source>The text is not in a known encoding (tried {encodings}); save it as UTF-8.</source>
        <translation>El texto no está en una codificación conocida (se probó {encodings}); guárdelo como UTF-8.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>smtp.example.com or ssl://…:465</source>
        <translation>smtp.example.com o ssl://…:465</translation>
    </message>
    <message>
        <source>ssl:// = SSL/TLS (port 465), tls:// = STARTTLS (port 587). Backup servers follow after ; and are tried in order.</source>
        <translation>ssl:// = SSL/TLS (puerto 465), tls:// = STARTTLS (puerto 587). Los servidores de respaldo van después de ; y se prueban en orden.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automática</translation>
    </message>
    <message>
        <source>usually your full e-mail address</source>
        <translation>normalmente, su dirección de correo completa</translation>
    </message>
    <message>
        <source>Allow login without encryption (insecure)</source>
        <translation>Permitir el inicio de sesión sin cifrado (no seguro)</translation>
    </message>
    <message>
        <source>optional: every mail is sent From this address</source>
        <translation>opcional: todo el correo se envía con este remitente</translation>
    </message>
    <message>
        <source>your own address: the test mail goes here</source>
        <translation>su propia dirección: aquí llega el correo de prueba</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long each step may take; a server gets three times this in all</source>
        <translation>Cuánto puede tardar cada paso; cada servidor dispone del triple en total</translation>
    </message>
    <message>
        <source>&amp;Detect…</source>
        <translation>De&amp;tectar…</translation>
    </message>
    <message>
        <source>Ask ports 465, 587 and 25 of this server, and the port in the form, what they offer (no password is sent)</source>
        <translation>Consultar qué ofrecen los puertos 465, 587 y 25 de este servidor, y el puerto del formulario (no se envía ninguna contraseña)</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>Pro&amp;veedor:</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>S&amp;eguridad:</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>Autenticació&amp;n:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>OAuth2:</source>
        <translation>OAuth2:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;Remitente:</translation>
    </message>
    <message>
        <source>Test rec&amp;ipient:</source>
        <translation>&amp;Destinatario de prueba:</translation>
    </message>
    <message>
        <source>Time &amp;limit:</source>
        <translation>&amp;Límite de tiempo:</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>Certi&amp;ficado:</translation>
    </message>
    <message>
        <source>The stored password was saved for another user name or server: type the password for these settings.</source>
        <translation>La contraseña guardada es de otro nombre de usuario u otro servidor: escriba la contraseña para estos ajustes.</translation>
    </message>
    <message>
        <source>stored in the keyring: leave empty to keep it</source>
        <translation>guardada en el almacén de contraseñas: déjela vacía para conservarla</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Escriba la contraseña.</translation>
    </message>
    <message>
        <source>Replace the server?</source>
        <translation>¿Reemplazar el servidor?</translation>
    </message>
    <message>
        <source>Replace the server you typed, %s, with the one of %s?</source>
        <translation>¿Reemplazar el servidor que escribió, %s, por el de %s?</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Outgoing mail server (SMTP) – smtpgui</source>
        <translation>Servidor de correo saliente (SMTP) – smtpgui</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>Pro&amp;bar</translation>
    </message>
    <message>
        <source>Send a test message (Enter)</source>
        <translation>Enviar un mensaje de prueba (Entrar)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Test, and keep the settings only if the test passes</source>
        <translation>Probar y guardar la configuración solo si la prueba sale bien</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop the running test (Esc)</source>
        <translation>Detener la prueba en curso (Esc)</translation>
    </message>
    <message>
        <source>Kept insecure: %s</source>
        <translation>Se mantiene inseguro: %s</translation>
    </message>
    <message>
        <source>Changed since the last test</source>
        <translation>Cambiado desde la última prueba</translation>
    </message>
    <message>
        <source>The last result was for the previous values. Press Test to check these.</source>
        <translation>El último resultado era para los valores anteriores. Pulse Probar para comprobar estos.</translation>
    </message>
    <message>
        <source>Test needs this first: %s</source>
        <translation>Para probar, falta esto: %s</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Fi&amp;nd settings…</source>
        <translation>Buscar c&amp;onfiguración…</translation>
    </message>
    <message>
        <source>&amp;Import settings…</source>
        <translation>&amp;Importar configuración…</translation>
    </message>
    <message>
        <source>&amp;Export settings…</source>
        <translation>&amp;Exportar configuración…</translation>
    </message>
    <message>
        <source>Save support &amp;file…</source>
        <translation>Guardar archivo de s&amp;oporte…</translation>
    </message>
    <message>
        <source>&amp;Delete saved settings…</source>
        <translation>&amp;Borrar la configuración guardada…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Copy &amp;diagnosis</source>
        <translation>Copiar &amp;diagnóstico</translation>
    </message>
    <message>
        <source>&amp;About smtpgui</source>
        <translation>&amp;Acerca de smtpgui</translation>
    </message>
    <message>
        <source>Import settings</source>
        <translation>Importar configuración</translation>
    </message>
    <message>
        <source>smtpgui profiles (*.json);;All files (*)</source>
        <translation>Perfiles de smtpgui (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export settings</source>
        <translation>Exportar configuración</translation>
    </message>
    <message>
        <source>smtpgui profiles (*.json)</source>
        <translation>Perfiles de smtpgui (*.json)</translation>
    </message>
    <message>
        <source>The profile cannot be imported</source>
        <translation>No se puede importar el perfil</translation>
    </message>
    <message>
        <source>Profile imported</source>
        <translation>Perfil importado</translation>
    </message>
    <message>
        <source>Nothing is saved yet. Type the password, then press Save: the settings are kept only if the test passes.</source>
        <translation>Todavía no se ha guardado nada. Escriba la contraseña y haga clic en Guardar: la configuración solo se guarda si la prueba sale bien.</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>No hay nada que exportar</translation>
    </message>
    <message>
        <source>Fill in the form (or save settings) first.</source>
        <translation>Primero complete el formulario (o guarde una configuración).</translation>
    </message>
    <message>
        <source>The profile cannot be written</source>
        <translation>No se puede escribir el perfil</translation>
    </message>
    <message>
        <source>Settings exported</source>
        <translation>Configuración exportada</translation>
    </message>
    <message>
        <source>%s holds the settings without the password. On another computer: File → Import settings, type the password, Save.</source>
        <translation>%s contiene la configuración sin la contraseña. En otro equipo: Archivo → Importar configuración, escriba la contraseña y haga clic en Guardar.</translation>
    </message>
    <message>
        <source>About smtpgui</source>
        <translation>Acerca de smtpgui</translation>
    </message>
    <message>
        <source>&lt;b&gt;smtpgui %s&lt;/b&gt;&lt;p&gt;Sets up, tests and safely stores the outgoing mail (SMTP) server your office software sends through.&lt;/p&gt;</source>
        <translation>&lt;b&gt;smtpgui %s&lt;/b&gt;&lt;p&gt;Configura, prueba y guarda de forma segura el servidor de correo saliente (SMTP) a través del cual envían correo los programas de su oficina.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The saved settings could not be read</source>
        <translation>No se pudo leer la configuración guardada</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Modo de demostración</translation>
    </message>
    <message>
        <source>Saved settings loaded</source>
        <translation>Configuración guardada cargada</translation>
    </message>
    <message>
        <source>Press Test to check them, or change them and press Save.</source>
        <translation>Haga clic en Probar para comprobarla, o modifíquela y haga clic en Guardar.</translation>
    </message>
    <message>
        <source>No outgoing mail server saved yet</source>
        <translation>Todavía no hay ningún servidor de correo saliente guardado</translation>
    </message>
    <message>
        <source>Fill in the form with what your mail provider gave you, then press Test. Save keeps the settings only after a successful test.</source>
        <translation>Complete el formulario con los datos que le dio su proveedor de correo y haga clic en Probar. Guardar solo conserva la configuración después de una prueba correcta.</translation>
    </message>
    <message>
        <source>Some fields need attention</source>
        <translation>Hay campos que revisar</translation>
    </message>
    <message>
        <source>The messages under the fields say what to fix.</source>
        <translation>Los mensajes bajo los campos indican qué hay que corregir.</translation>
    </message>
    <message>
        <source>smtpgui test message</source>
        <translation>Mensaje de prueba de smtpgui</translation>
    </message>
    <message>
        <source>Save insecure settings?</source>
        <translation>¿Guardar una configuración insegura?</translation>
    </message>
    <message>
        <source>These settings turn protection off:

%s

Save them anyway?</source>
        <translation>Esta configuración desactiva protecciones:

%s

¿Guardarla de todos modos?</translation>
    </message>
    <message>
        <source>This is a test message from smtpgui. If you can read it, the outgoing mail server settings work.</source>
        <translation>Este es un mensaje de prueba de smtpgui. Si puede leerlo, la configuración del servidor de correo saliente funciona.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Testing: %s…</source>
        <translation>Probando: %s…</translation>
    </message>
    <message>
        <source>Save support file</source>
        <translation>Guardar archivo de soporte</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Archivos de texto (*.txt)</translation>
    </message>
    <message>
        <source>Support file saved</source>
        <translation>Archivo de soporte guardado</translation>
    </message>
    <message>
        <source>%s holds the settings (never the password), the steps, the diagnosis and the log. Send it to whoever helps you.</source>
        <translation>%s contiene la configuración (nunca la contraseña), los pasos, el diagnóstico y el registro. Envíelo a quien le ayude.</translation>
    </message>
    <message>
        <source>Delete saved settings</source>
        <translation>Borrar la configuración guardada</translation>
    </message>
    <message>
        <source>Delete the saved outgoing mail server settings and the stored password? Programs that send mail with them will stop sending.</source>
        <translation>¿Desea borrar la configuración guardada del servidor de correo saliente y la contraseña almacenada? Los programas que envían correo con ella dejarán de hacerlo.</translation>
    </message>
    <message>
        <source>Could not delete everything</source>
        <translation>No se pudo borrar todo</translation>
    </message>
    <message>
        <source>Saved settings deleted</source>
        <translation>Configuración guardada borrada</translation>
    </message>
    <message>
        <source>The settings file and the stored password are gone. The form keeps what you typed until you close the window.</source>
        <translation>Se borraron el archivo de configuración y la contraseña almacenada. El formulario conserva lo que escribió hasta que cierre la ventana.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Sign in on the page that opened in your browser. Cancel stops waiting.</source>
        <translation>Inicie sesión en la página que se abrió en su navegador. Cancelar deja de esperar.</translation>
    </message>
    <message>
        <source>Sign in with this code: %s</source>
        <translation>Inicie sesión con este código: %s</translation>
    </message>
    <message>
        <source>On any device, open %s, type the code and sign in. This window waits; Cancel stops waiting.</source>
        <translation>En cualquier dispositivo, abra %s, escriba el código e inicie sesión. Esta ventana espera; Cancelar deja de esperar.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Sesión iniciada</translation>
    </message>
    <message>
        <source>Press Test to send a test message with this sign-in, or Save to keep it.</source>
        <translation>Haga clic en Probar para enviar un mensaje de prueba con este inicio de sesión, o en Guardar para conservarlo.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>No se inició sesión</translation>
    </message>
    <message>
        <source>Suggestion: %s</source>
        <translation>Sugerencia: %s</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Tip: %s</source>
        <translation>Consejo: %s</translation>
    </message>
    <message>
        <source>Test cancelled</source>
        <translation>Prueba cancelada</translation>
    </message>
    <message>
        <source>Nothing was sent and nothing was saved.</source>
        <translation>No se envió ni se guardó nada.</translation>
    </message>
    <message>
        <source>Test passed; settings saved</source>
        <translation>Prueba correcta; configuración guardada</translation>
    </message>
    <message>
        <source>The server accepted the test message in %d ms. The password is in the keyring, the rest in %s.</source>
        <translation>El servidor aceptó el mensaje de prueba en %d ms. La contraseña está en el almacén de contraseñas y el resto, en %s.</translation>
    </message>
    <message>
        <source>The test passed, but nothing was saved</source>
        <translation>La prueba salió bien, pero no se guardó nada</translation>
    </message>
    <message>
        <source>Test passed</source>
        <translation>Prueba correcta</translation>
    </message>
    <message>
        <source>The server accepted the test message in %d ms; look for it in %s. Press Save to keep these settings.</source>
        <translation>El servidor aceptó el mensaje de prueba en %d ms; búsquelo en %s. Haga clic en Guardar para conservar esta configuración.</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>No se guardó nada.</translation>
    </message>
    <message>
        <source>Step with no confirmation: %s</source>
        <translation>Paso sin confirmación: %s</translation>
    </message>
    <message>
        <source>Failed step: %s</source>
        <translation>Paso que falló: %s</translation>
    </message>
    <message>
        <source>About %s:</source>
        <translation>Sobre %s:</translation>
    </message>
    <message>
        <source>Help page</source>
        <translation>Página de ayuda</translation>
    </message>
    <message>
        <source>Settings guide</source>
        <translation>Guía de configuración</translation>
    </message>
    <message>
        <source>How to make an app password</source>
        <translation>Cómo crear una contraseña de aplicación</translation>
    </message>
    <message>
        <source>OAuth2 set-up</source>
        <translation>Configuración de OAuth2</translation>
    </message>
    <message>
        <source>SMTP credentials</source>
        <translation>Credenciales SMTP</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>[redacted]</source>
        <translation>[oculto]</translation>
    </message>
</context>
<context>
    <name>TrustFields</name>
    <message>
        <source>Check with the system&apos;s certificate authorities</source>
        <translation>Comprobar con las CA del sistema</translation>
    </message>
    <message>
        <source>Check with my company&apos;s CA file</source>
        <translation>Comprobar con el archivo de CA de mi empresa</translation>
    </message>
    <message>
        <source>Accept only one exact certificate (pinned)</source>
        <translation>Aceptar solo un certificado concreto (fijado)</translation>
    </message>
    <message>
        <source>Do not check (insecure)</source>
        <translation>No comprobar (no seguro)</translation>
    </message>
    <message>
        <source>the CA certificate (PEM or DER file)</source>
        <translation>el certificado de la CA (archivo PEM o DER)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Archivo de CA</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint, e.g. AB:CD:…</source>
        <translation>Huella digital SHA-256, p. ej., AB:CD:…</translation>
    </message>
    <message>
        <source>Pinned fingerprint</source>
        <translation>Huella fijada</translation>
    </message>
    <message>
        <source>⚠ Certificates are not checked: anyone on the way to the server could pretend to be it and read the password. Use this only to find a problem, never to keep.</source>
        <translation>⚠ No se comprueban los certificados: cualquiera que esté entre este equipo y el servidor podría hacerse pasar por él y leer la contraseña. Use esta opción solo para localizar un problema, nunca de forma permanente.</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Certificado de la CA</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>uso: </translation>
    </message>
    <message>
        <source>options</source>
        <translation>opciones</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>argumentos posicionales</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>muestra esta ayuda y termina</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: error: %(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argumento %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>faltan estos argumentos obligatorios: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>argumentos no reconocidos: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>opción no válida: %(value)r (elija entre %(choices)s)</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valor de %(type)s no válido: %(value)r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>se esperaba un argumento</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>opción ambigua: %(option)s podría ser %(matches)s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>se ignoró el argumento explícito %r</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>no se permite con el argumento %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>se necesita uno de los argumentos %s</translation>
    </message>
</context>
</TS>
