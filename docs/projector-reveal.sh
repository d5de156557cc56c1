#!/bin/sh
# Makes docs/projector-reveal.png, the README's picture of the projector after a reveal, from
# the real screen: coprod assess --vote in tmux at 80x30, its server on 127.0.0.1 only, a few
# phones voting with plain HTTP requests (curl), Enter to reveal, the screen captured with its
# colours, turned into HTML (docs/screen_to_html.py) and photographed by headless Chromium.
#
# Usage, from the top of the repository: sh docs/projector-reveal.sh [path/to/coprod]
# (ROWS=24 for a smaller screen).
# Needs tmux, curl, python3 and chromium.
set -eu

coprod=$(realpath "${1:-target/debug/coprod}")
here=$(pwd)
work=$(mktemp -d)
session="coprod-reveal-$$"
# 80 columns by 30 rows: at 24 rows the screen has room for only the first of the phones' lines
# by group.
ROWS=${ROWS:-30}
ROWS_PX=$((ROWS * 19 + 30))
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

screen() { tmux capture-pane -t "$session" -p; }
wait_for() {
    i=0
    until screen | grep -q "$1"; do
        i=$((i + 1))
        [ "$i" -lt 100 ] || { echo "the screen never showed: $1" >&2; screen >&2; exit 1; }
        sleep 0.1
    done
}

cd "$work"
tmux new-session -d -s "$session" -x 80 -y "$ROWS" \
    "env -i PATH=\"$PATH\" HOME=\"$work\" TERM=xterm-256color \"$coprod\" assess \
     --partnership 'Hafren Vale SEND Partnership' --date 2026-11-12 \
     --groups parent-carers,local-authority,health -o r.yaml \
     --vote --vote-address 127.0.0.1:0; sleep 30"
wait_for "Who is taking part?"
tmux send-keys -t "$session" Enter
wait_for "WC1"
tmux send-keys -t "$session" v
wait_for "Vote at"
address=$(screen | grep -o 'http://127\.0\.0\.1:[0-9]*' | head -n 1)
code=$(screen | grep -o 'code [A-Z0-9]\{5\}' | head -n 1 | cut -c6-)

# One phone: join with the code (and a group, or none), read its form key and the round, vote.
phone() {
    jar="$work/jar-$1"
    curl -s -o /dev/null -c "$jar" --data "code=$code&group=$2" "$address/join"
    page=$(curl -s -b "$jar" "$address/vote")
    key=$(printf '%s' "$page" | sed -n 's/.*name="k" value="\([^"]*\)".*/\1/p' | head -n 1)
    round=$(printf '%s' "$page" | sed -n 's/.*name="r" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -s -o /dev/null -b "$jar" -H 'Accept: application/json' \
        --data "k=$key&r=$round&choice=$3" "$address/vote"
}
phone 1 parent-carers 2
phone 2 parent-carers 3
phone 3 parent-carers 2
phone 4 local-authority 4
phone 5 local-authority 4
phone 6 health 3
phone 7 health 4
phone 8 "" 1
wait_for "8 voted"
# Two people without phones hold up cards, 3 and 4, typed in by the facilitator; then reveal.
tmux send-keys -t "$session" Down Down 1 Down 1
sleep 0.2
tmux send-keys -t "$session" Enter
wait_for "counted"
sleep 0.3
tmux capture-pane -t "$session" -e -p > capture.txt
python3 "$here/docs/screen_to_html.py" capture.txt > screen.html
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=760,"$ROWS_PX" --screenshot="$work/shot.png" "file://$work/screen.html" 2>/dev/null
cp shot.png "$here/docs/projector-reveal.png"
echo "wrote docs/projector-reveal.png"
