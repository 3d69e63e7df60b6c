@echo off
rem The lightpane command on Windows, straight from a clone.
rem Builds the CLI the first time, or when a pom.xml or a file under src\main is newer than the
rem jar, then runs it with a JVM tuned for a short-lived process (AppCDS archive made once per
rem build, C1 only, Serial GC, small heap). Extra JVM options: LIGHTPANE_JAVA_OPTS.
setlocal EnableExtensions
set "ROOT=%~dp0"
set "JAR=%ROOT%lightpane-cli\target\lightpane.jar"
set "JSA=%ROOT%lightpane-cli\target\lightpane.jsa"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"

set "STALE=0"
if not exist "%JAR%" (
  set "STALE=1"
) else (
  for /f %%N in ('powershell -NoProfile -Command "$j=(Get-Item -LiteralPath $env:JAR).LastWriteTimeUtc; $p=@('pom.xml','lightpane-client\pom.xml','lightpane-stub\pom.xml','lightpane-cli\pom.xml') | ForEach-Object { Join-Path $env:ROOT $_ }; $s=@('lightpane-client','lightpane-stub','lightpane-cli') | ForEach-Object { Join-Path $env:ROOT ($_ + '\src\main') }; @((Get-Item -LiteralPath $p -ErrorAction SilentlyContinue) + (Get-ChildItem -LiteralPath $s -Recurse -File -ErrorAction SilentlyContinue) | Where-Object { $_.LastWriteTimeUtc -gt $j }).Count"') do (
    if not "%%N"=="0" set "STALE=1"
  )
)
if "%STALE%"=="1" (
  echo lightpane: building the CLI ^(first run or sources changed; this takes a minute^)... 1>&2
  pushd "%ROOT%"
  call mvnw.cmd -q -B -pl lightpane-cli -am package -DskipTests 1>&2
  if errorlevel 1 (
    popd
    echo lightpane: the build failed; see above 1>&2
    exit /b 1
  )
  popd
  if exist "%JSA%" del /q "%JSA%"
)

set "JVM=-Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -Xmn8m -Xmx64m -Xss512k -XX:-UsePerfData"
if /i "%~1"=="serve" (
  set "JVM="
) else (
  if not exist "%JSA%" (
    "%JAVA%" -XX:ArchiveClassesAtExit="%JSA%" %JVM% -jar "%JAR%" discover s3 ec2 --region eu-west-2 --embedded -o csv >nul 2>&1
  )
  if exist "%JSA%" set "JVM=%JVM% -XX:SharedArchiveFile=%JSA%"
)
"%JAVA%" %JVM% %LIGHTPANE_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
