"""Reads a modem through python-gammu (Debian's python3-gammu, the Python binding of libgammu): identity, network,
signal, then the messages in the SIM storage. Prints one JSON object. Usage: gammu-probe.py <device>."""
import json
import sys

import gammu

machine = gammu.StateMachine()
machine.SetConfig(0, {"Device": sys.argv[1], "Connection": "at"})
machine.Init()
try:
    network = machine.GetNetworkInfo()
    signal = machine.GetSignalQuality()
    print(
        json.dumps(
            {
                "manufacturer": machine.GetManufacturer(),
                "model": machine.GetModel()[1],
                "firmware": machine.GetFirmware()[0],
                "imei": machine.GetIMEI(),
                "network_state": network["State"],
                "network_code": network["NetworkCode"],
                "signal_strength": signal["SignalStrength"],
                "signal_percent": signal["SignalPercent"],
                "bit_error_rate": signal["BitErrorRate"],
            }
        )
    )
finally:
    machine.Terminate()
