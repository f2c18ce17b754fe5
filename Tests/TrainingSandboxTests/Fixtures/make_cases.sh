#!/bin/sh
# Keep every case away from the edge of stability: a run that nearly diverges amplifies the
# fast-tanh differences (~1e-9) chaotically and no tolerance fits.
# Regenerates reference_cases.json from `aifprep train --json` (pass the binary as $1), then the
# numpy trajectories. Run from anywhere: sh make_cases.sh /path/to/aifprep
set -eu
bin="$1"
here=$(cd "$(dirname "$0")" && pwd)
case_json() {  # name, then train flags
    name="$1"; shift
    "$bin" train --json "$@" | python3 -c '
import json, sys
run = json.load(sys.stdin)
print(json.dumps({"name": sys.argv[1], "config": run["config"], "data": run["data"],
                  "initialWeights": run["initialWeights"]}))' "$name"
}
{
    echo '{"cases": ['
    case_json adam-constant --epochs 60
    echo ','
    case_json sgd-step --optimizer sgd --lr 0.01 --schedule step --gamma 0.5 --step-size 10 --epochs 40
    echo ','
    case_json momentum-exponential --optimizer momentum --lr 0.02 --schedule exponential --gamma 0.95 --epochs 40
    echo ','
    case_json adam-warmup-cosine --lr 0.05 --warmup 5 --schedule cosine --epochs 40 --seed 7
    echo ','
    case_json relu-two-layers --layers 8,8 --activation relu --epochs 30 --seed 3
    echo ','
    case_json sigmoid-sgd --activation sigmoid --hidden 16 --optimizer sgd --lr 0.1 --epochs 30 --seed 4
    echo ','
    case_json circle-tanh --dataset circle --loss mse --layers 8,8 --output-activation tanh --train-size 40 --batch 40 --validation-size 40 --noise 0.1 --optimizer sgd --lr 0.1 --epochs 60
    echo ','
    case_json linear-momentum-warmup --activation linear --hidden 4 --optimizer momentum --lr 0.01 --warmup 3 --schedule step --gamma 0.8 --step-size 4 --epochs 25 --seed 9
    echo ']}'
} > "$here/reference_cases.json"
python3 "$here/reference_trainer.py"
