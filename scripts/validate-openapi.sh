#!/bin/sh
# Validates the OpenAPI 3.1 document served at /api/openapi.json with openapi-spec-validator.
#
#   scripts/validate-openapi.sh                 # the document as served: Sources/FornyeWeb/Resources/openapi.json
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
    # The resource file is the document: `fornye openapi` and /api/openapi.json serve it byte for byte.
    cp Sources/FornyeWeb/Resources/openapi.json "$document"
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
