#!/bin/sh
# Regenerates playground_cases.json from `aifprep train --json` (pass the binary as $1), then the
# numpy trajectories (playground_reference.py). Full batch, constant rate: the oracle's scope.
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
    case_json xor-cross-l2 --dataset xor --train-size 100 --validation-size 100 --batch 100 --features x1,x2,x1x2 --layers 4 --regularization l2 --reg-rate 0.01 --lr 0.1 --epochs 60
    echo ','
    case_json circle-squares-l1 --dataset circle --train-size 120 --validation-size 80 --batch 120 --noise 0.1 --features x1,x2,x1sq,x2sq --layers 3 --regularization l1 --reg-rate 0.03 --lr 0.1 --epochs 60 --seed 2
    echo ','
    case_json spiral-sines-adam-l2 --dataset spiral --train-size 150 --validation-size 50 --batch 150 --noise 0.1 --features x1,x2,sinx1,sinx2 --layers 8,6 --optimizer adam --lr 0.01 --regularization l2 --reg-rate 0.001 --epochs 40 --seed 3
    echo ','
    case_json gauss-momentum-l1 --dataset gauss --train-size 80 --validation-size 80 --batch 80 --noise 0.2 --layers 2 --optimizer momentum --lr 0.01 --regularization l1 --reg-rate 0.05 --epochs 50 --seed 4
    echo ','
    case_json xor-relu-deep --dataset xor --train-ratio 70 --train-size 90 --validation-size 60 --batch 200 --features x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2 --layers 8,8,4,4,2,2 --activation relu --lr 0.03 --epochs 30 --seed 5
    echo ']}'
} > "$here/playground_cases.json"
python3 "$here/playground_reference.py"
