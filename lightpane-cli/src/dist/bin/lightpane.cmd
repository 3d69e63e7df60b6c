@echo off
rem The lightpane command of the zip on Windows, for Java 17 or newer: %JAVA_HOME%\bin\java.exe,
rem else java on the PATH. Extra JVM options: LIGHTPANE_JAVA_OPTS.
setlocal
set "LIGHTPANE_JAR=%~dp0..\lib\lightpane.jar"
if not exist "%LIGHTPANE_JAR%" (
  echo lightpane: this install is damaged: %LIGHTPANE_JAR% is missing; reinstall lightpane 1>&2
  exit /b 1
)
set "LIGHTPANE_JAVA=java"
if defined JAVA_HOME set "LIGHTPANE_JAVA=%JAVA_HOME%\bin\java"
set "LIGHTPANE_JVM=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -Xmn8m -Xmx64m -Xss512k -XX:-UsePerfData -XX:CICompilerCount=1"
if "%~1"=="serve" set "LIGHTPANE_JVM="
if "%~1"=="shell" set "LIGHTPANE_JVM=-XX:+UseSerialGC -XX:-UsePerfData"
"%LIGHTPANE_JAVA%" %LIGHTPANE_JVM% %LIGHTPANE_JAVA_OPTS% -jar "%LIGHTPANE_JAR%" %*
exit /b %ERRORLEVEL%
