#!/bin/sh
# Writes a greeting and reports it back to Heat as the output "result".
set -e
echo "Hello, ${greeting_name}" > /tmp/greeting
echo -n "greeted ${greeting_name}" > "${heat_outputs_path}.result"
