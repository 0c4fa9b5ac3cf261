#!/bin/sh
# Validates the OpenAPI 3.1 document served at /api/openapi.json with openapi-spec-validator.
#
#   scripts/validate-openapi.sh                 # the document in the source (OpenAPIDocument.swift)
#   scripts/validate-openapi.sh http://127.0.0.1:8080/api/openapi.json   # a running server's
#
# Needs Python 3 and `pip install openapi-spec-validator` (a virtual environment is made under
# .venv-openapi when the module is missing).
set -eu
cd "$(dirname "$0")/.."
python=python3
if ! $python -c "import openapi_spec_validator" 2>/dev/null; then
    [ -x .venv-openapi/bin/python ] || { python3 -m venv .venv-openapi && .venv-openapi/bin/pip install -q openapi-spec-validator; }
    python=.venv-openapi/bin/python
fi
document=$(mktemp)
trap 'rm -f "$document"' EXIT
if [ $# -gt 0 ]; then
    curl -fsS "$1" > "$document"
else
    # The barometer document in OpenAPIDocument.swift with the project bank's paths and schemas
    # (ProjectBankOpenAPI.swift) merged in, as the server does.
    $python - Sources/FornyeWeb/API/OpenAPIDocument.swift Sources/FornyeWeb/ProjectBank/ProjectBankOpenAPI.swift > "$document" <<'PY'
import json, sys
def raw_strings(path):
    text = open(path, encoding="utf-8").read()
    found, start = [], 0
    while True:
        try:
            start = text.index('#"""', start) + len('#"""')
        except ValueError:
            return found
        end = text.index('"""#', start)
        found.append(json.loads(text[start:end]))
        start = end + 4
base = raw_strings(sys.argv[1])[0]
paths, schemas = raw_strings(sys.argv[2])
base["paths"].update(paths)
base["components"]["schemas"].update(schemas)
json.dump(base, sys.stdout)
PY
fi
$python - "$document" <<'PY'
import json, sys
from openapi_spec_validator import validate
spec = json.load(open(sys.argv[1], encoding="utf-8"))
assert spec.get("openapi", "").startswith("3.1"), "not an OpenAPI 3.1 document"
validate(spec)
print("OpenAPI %s document is valid: %d paths, %d schemas" % (
    spec["openapi"], len(spec["paths"]), len(spec["components"]["schemas"])))
PY
