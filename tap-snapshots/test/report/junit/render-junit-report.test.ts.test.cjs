/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/report/junit/render-junit-report.test.ts > TAP > the failing run matches its golden JUnit > junit of the failing seed run 1`] = `
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="atseq" tests="31" failures="1" errors="0" skipped="15" time="3.961">
  <testsuite name="MQTTS - Not Verify Server" tests="31" failures="1" errors="0" skipped="15" time="3.961" timestamp="2025-03-14T09:26:53.589Z" file="sequences/simcom/mqtts-not-verify-server.yaml">
    <properties>
      <property name="atseq.version" value="0.1.0"/>
      <property name="run.status" value="failed"/>
      <property name="run.exitCode" value="1"/>
      <property name="sequence.system" value="MQTTS - Not Verify Server"/>
      <property name="sequence.sha256" value="3f1c9a0e5b7d2c4486a1f0e9d8c7b6a5948372615f4e3d2c1b0a99887766e5d4"/>
      <property name="device.url" value="sim://simcom-a76xx"/>
      <property name="device.manufacturer" value="SIMCOM INCORPORATED"/>
      <property name="device.model" value="A7670E-LASE"/>
      <property name="device.revision" value="A7670M7_V1.11.1"/>
      <property name="device.imei" value="••••••"/>
      <property name="commandLine" value="atseq run sequences/simcom/mqtts-not-verify-server.yaml"/>
    </properties>
    <testcase name="s1 Echo off" classname="MQTTS - Not Verify Server" time="0.023" file="sequences/simcom/mqtts-not-verify-server.yaml" line="20">
      <system-out>+0.000 tx   ATE0\\r
+0.002 rx   ATE0\\r
+0.020 rx   \\r\\nOK\\r\\n</system-out>
    </testcase>
    <testcase name="s2 Read the identity" classname="MQTTS - Not Verify Server" time="0.026" file="sequences/simcom/mqtts-not-verify-server.yaml" line="25">
      <system-out>+0.027 tx   ATI\\r
+0.045 rx   \\r\\nManufacturer: SIMCOM INCORPORATED\\r\\n
+0.046 rx   \\r\\nModel: A7670E-LASE\\r\\n
+0.047 rx   \\r\\nRevision: A7670M7_V1.11.1\\r\\n
+0.048 rx   \\r\\nIMEI: """"""\\r\\n
+0.049 rx   \\r\\n+GCAP: +CGSM,+FCLASS,+DS\\r\\n
+0.050 rx   \\r\\nOK\\r\\n</system-out>
    </testcase>
    <testcase name="s3 Read the firmware revision" classname="MQTTS - Not Verify Server" time="0.022" file="sequences/simcom/mqtts-not-verify-server.yaml" line="30">
      <system-out>+0.057 tx   AT+CGMR\\r
+0.075 rx   \\r\\n+CGMR: A7670M7_V1.11.1\\r\\n
+0.076 rx   \\r\\nOK\\r\\n</system-out>
    </testcase>
    <testcase name="s4 Read the IMEI" classname="MQTTS - Not Verify Server" time="0.022" file="sequences/simcom/mqtts-not-verify-server.yaml" line="35">
      <system-out>+0.083 tx   AT+CGSN\\r
+0.101 rx   \\r\\n""""""\\r\\n
+0.102 rx   \\r\\nOK\\r\\n</system-out>
    </testcase>
    <testcase name="s5 Wait for a usable signal" classname="MQTTS - Not Verify Server" time="2.043" file="sequences/simcom/mqtts-not-verify-server.yaml" line="40">
      <properties>
        <property name="attempts" value="2"/>
      </properties>
      <system-out>+0.109 tx   AT+CSQ\\r
+0.127 rx   \\r\\n+CSQ: 99,99\\r\\n
+0.128 rx   \\r\\nOK\\r\\n
+0.130 note attempt failed, retrying in 2000 ms
+2.130 tx   AT+CSQ\\r
+2.148 rx   \\r\\n+CSQ: 23,99\\r\\n
+2.149 rx   \\r\\nOK\\r\\n</system-out>
    </testcase>
    <testcase name="1 PDP Context 설정" classname="MQTTS - Not Verify Server" time="0.021" file="sequences/simcom/mqtts-not-verify-server.yaml" line="45">
      <system-out>+2.156 tx   AT+CGDCONT=1,"IP","internet"\\r
+2.174 rx   \\r\\nOK\\r\\n</system-out>
    </testcase>
    <testcase name="2 Start MQTT service, activate PDP context" classname="MQTTS - Not Verify Server" time="0.441" file="sequences/simcom/mqtts-not-verify-server.yaml" line="50">
      <system-out>+2.181 tx   AT+CMQTTSTART\\r
+2.199 rx   \\r\\nOK\\r\\n
+2.620 rx   \\r\\n+CMQTTSTART: 0\\r\\n</system-out>
    </testcase>
    <testcase name="3 Acquire one client which will connect to a MQTT server with SSL/TLS" classname="MQTTS - Not Verify Server" time="0.021" file="sequences/simcom/mqtts-not-verify-server.yaml" line="55">
      <system-out>+2.626 tx   AT+CMQTTACCQ=0,"client test0",1\\r
+2.644 rx   \\r\\nOK\\r\\n</system-out>
    </testcase>
    <testcase name="4.1 Set the topic of the will" classname="MQTTS - Not Verify Server" time="0.021" file="sequences/simcom/mqtts-not-verify-server.yaml" line="60">
      <system-out>+2.651 tx   AT+CMQTTWILLTOPIC=0,10\\r
+2.669 rx   \\r\\n&gt; </system-out>
    </testcase>
    <testcase name="4.2 Input 10 Character as topic" classname="MQTTS - Not Verify Server" time="0.021" file="sequences/simcom/mqtts-not-verify-server.yaml" line="65">
      <system-out>+2.676 tx   0123456789
+2.694 rx   \\r\\nOK\\r\\n</system-out>
    </testcase>
    <testcase name="5.1 Set the will message" classname="MQTTS - Not Verify Server" time="0.021" file="sequences/simcom/mqtts-not-verify-server.yaml" line="70">
      <system-out>+2.701 tx   AT+CMQTTWILLMSG=0,6,1\\r
+2.719 rx   \\r\\n&gt; </system-out>
    </testcase>
    <testcase name="5.2 Input 6 Character" classname="MQTTS - Not Verify Server" time="0.021" file="sequences/simcom/mqtts-not-verify-server.yaml" line="75">
      <system-out>+2.726 tx   qwerty
+2.744 rx   \\r\\nOK\\r\\n</system-out>
    </testcase>
    <testcase name="6 Connect to a MQTT server" classname="MQTTS - Not Verify Server" time="0.851" file="sequences/simcom/mqtts-not-verify-server.yaml" line="80">
      <failure message="expected \`+CMQTTCONNECT: 0,0\`, got \`+CMQTTCONNECT: 0,11\` within 30s: 11 = no connection" type="failed">Action: AT+CMQTTCONNECT=0,"tcp://127.0.0.1:8883",60,1
Expected: OK | urc: +CMQTTCONNECT: 0,0
Received: OK | +CMQTTCONNECT: 0,11
Attempts: 1
At: sequences/simcom/mqtts-not-verify-server.yaml:80:5</failure>
      <system-out>+2.751 tx   AT+CMQTTCONNECT=0,"tcp://127.0.0.1:8883",60,1\\r
+2.769 rx   \\r\\nOK\\r\\n
+3.600 rx   \\r\\n+CMQTTCONNECT: 0,11\\r\\n</system-out>
    </testcase>
    <testcase name="7.1 Set the topic for the PUBLISH message" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="85">
      <skipped/>
    </testcase>
    <testcase name="7.2 Input topic to publish" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="90">
      <skipped/>
    </testcase>
    <testcase name="8.1 Set the payload for the PUBLISH message" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="95">
      <skipped/>
    </testcase>
    <testcase name="8.2 Input message" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="100">
      <skipped/>
    </testcase>
    <testcase name="9 Publish a message (Received Hi, MOMO sent from server)" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="105">
      <skipped/>
    </testcase>
    <testcase name="10.1 Set one topic for the SUBSCRIBE message" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="110">
      <skipped/>
    </testcase>
    <testcase name="10.2 data: 123456789 (9 bytes)" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="115">
      <skipped/>
    </testcase>
    <testcase name="11 Subscribe a message" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="120">
      <skipped/>
    </testcase>
    <testcase name="11.1 Received Hi, MOMO sent from server" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="125">
      <skipped/>
    </testcase>
    <testcase name="12.1 Unsubscribe one topic from the server" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="130">
      <skipped/>
    </testcase>
    <testcase name="12.2 data: 123456789 (9 bytes)" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="135">
      <skipped/>
    </testcase>
    <testcase name="13 Unsubscribe" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="140">
      <skipped/>
    </testcase>
    <testcase name="14 Disconnect from server" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="145">
      <skipped/>
    </testcase>
    <testcase name="15 Release the client" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="150">
      <skipped/>
    </testcase>
    <testcase name="16 Stop MQTT Service" classname="MQTTS - Not Verify Server" time="0.000" file="sequences/simcom/mqtts-not-verify-server.yaml" line="155">
      <skipped/>
    </testcase>
    <testcase name="t1 Disconnect (ignore the result)" classname="MQTTS - Not Verify Server" time="0.161" file="sequences/simcom/mqtts-not-verify-server.yaml" line="160">
      <system-out>+3.606 tx   AT+CMQTTDISC=0,120\\r
+3.624 rx   \\r\\nOK\\r\\n
+3.765 rx   \\r\\n+CMQTTDISC: 0,11\\r\\n</system-out>
    </testcase>
    <testcase name="t2 Release the client" classname="MQTTS - Not Verify Server" time="0.021" file="sequences/simcom/mqtts-not-verify-server.yaml" line="165">
      <system-out>+3.771 tx   AT+CMQTTREL=0\\r
+3.789 rx   \\r\\nOK\\r\\n</system-out>
    </testcase>
    <testcase name="t3 Stop MQTT Service" classname="MQTTS - Not Verify Server" time="0.161" file="sequences/simcom/mqtts-not-verify-server.yaml" line="170">
      <system-out>+3.796 tx   AT+CMQTTSTOP\\r
+3.814 rx   \\r\\nOK\\r\\n
+3.955 rx   \\r\\n+CMQTTSTOP: 0\\r\\n</system-out>
    </testcase>
  </testsuite>
</testsuites>

`
