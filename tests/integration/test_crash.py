"""Kill the engine's process mid-run: completed steps survive, the run is marked interrupted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.core.paths import Paths
from desktop.core.runs.engine import RunEngine
from desktop.core.store import Store
from tests.helpers.fake_provider import ScriptedProvider, provider_for

ROOT = Path(__file__).resolve().parents[2]


def test_a_killed_run_keeps_its_completed_steps(isolated_home: Paths) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.crash_child"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("STEPS_DONE"), child.stderr.read() if child.stderr else line
        run_id = line.split()[1]
    finally:
        child.kill()  # SIGKILL: no cleanup code runs
        child.wait(10)
        for pipe in (child.stdout, child.stderr):
            if pipe is not None:
                pipe.close()

    store = Store(isolated_home.database)
    try:
        before = store.runs.get(run_id)
        assert before.status == "in_progress"
        steps = store.runs.steps(run_id)
        assert [(s.type, s.status) for s in steps] == [
            ("message_creation", "completed"),
            ("tool_calls", "completed"),
            ("message_creation", "in_progress"),
        ]
        assert steps[1].step_details["tool_calls"][0]["function"]["output"] == "HI"
        assert steps[0].step_details["model_call"]["prompt"]

        RunEngine(store, provider_for(ScriptedProvider([]))).recover()

        run = store.runs.get(run_id)
        assert run.status == "failed"
        assert run.last_error is not None and run.last_error["code"] == "interrupted"
        after = store.runs.steps(run_id)
        assert [s.to_dict() for s in after[:2]] == [s.to_dict() for s in steps[:2]]
        assert after[2].status == "failed"
        messages = store.threads.messages(run.thread_id)
        assert messages[0].text == "please crash"
        assert messages[1].text == "Checking." and messages[1].status == "completed"
        partial = messages[2]
        assert partial.status == "incomplete" and partial.text.startswith("word0 word1 ")
        assert store.threads.get(run.thread_id).active_run_id is None
    finally:
        store.close()
