"""When entries were added: one `git log` over a real repository made in tmp_path."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import ACTORS, entry

from timeline.check.registry import load_registry
from timeline.entry import read_entry
from timeline.read import history
from timeline.read.history import added_dates, parse_log, published

pytestmark = pytest.mark.e2e

REGISTRY, _ = load_registry(ACTORS.encode(), "actors.yml")


class Repo:
    """A git repository whose commits carry the dates the test gives them."""

    def __init__(self, root: Path):
        self.root = root
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, when: str = "2024-01-01T00:00:00Z") -> None:
        env = dict(
            os.environ,
            GIT_AUTHOR_NAME="T",
            GIT_AUTHOR_EMAIL="t@example.org",
            GIT_COMMITTER_NAME="T",
            GIT_COMMITTER_EMAIL="t@example.org",
            GIT_AUTHOR_DATE=when,
            GIT_COMMITTER_DATE=when,
            GIT_CONFIG_GLOBAL=os.devnull,
            GIT_CONFIG_NOSYSTEM="1",
        )
        subprocess.run(["git", *args], cwd=self.root, env=env, check=True, capture_output=True)

    def write(self, rel_path: str, text: str = "x\n") -> None:
        path = self.root / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def commit(self, when: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", f"at {when}", when=when)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path)


def test_each_file_gets_the_date_of_the_commit_that_added_it(repo):
    repo.write("content/events/2024/a.md")
    repo.write("content/events/2024/b c ü.md")
    repo.write("content/index.md")
    repo.commit("2024-11-01T10:00:00+09:00")
    repo.write("content/events/2024/a.md", "changed\n")
    repo.write("content/events/2025/c.md")
    repo.commit("2024-12-01T08:30:00Z")
    dates = added_dates(str(repo.root / "content"))
    assert dates == {
        "events/2024/a.md": utc("2024-11-01T01:00:00Z"),  # a later edit does not move it
        "events/2024/b c ü.md": utc("2024-11-01T01:00:00Z"),
        "events/2025/c.md": utc("2024-12-01T08:30:00Z"),
    }
    assert all(d.tzinfo is UTC for d in dates.values())


def test_a_renamed_file_keeps_the_date_it_was_first_added(repo):
    repo.write("content/events/2024/old-name.md", "a body long enough to be recognised\n" * 5)
    repo.commit("2024-10-01T00:00:00Z")
    (repo.root / "content/events/2025").mkdir()
    repo.git("mv", "content/events/2024/old-name.md", "content/events/2025/new-name.md")
    repo.commit("2025-02-01T00:00:00Z")
    assert added_dates(str(repo.root / "content")) == {
        "events/2025/new-name.md": utc("2024-10-01T00:00:00Z")
    }


def test_deleted_files_are_gone_and_a_file_added_again_is_new(repo):
    repo.write("content/events/a.md")
    repo.write("content/events/b.md")
    repo.commit("2024-10-01T00:00:00Z")
    (repo.root / "content/events/a.md").unlink()
    (repo.root / "content/events/b.md").unlink()
    repo.commit("2024-10-02T00:00:00Z")
    repo.write("content/events/b.md", "back\n")
    repo.commit("2024-10-03T00:00:00Z")
    assert added_dates(str(repo.root / "content")) == {"events/b.md": utc("2024-10-03T00:00:00Z")}


def test_untracked_files_and_other_folders_are_left_out(repo):
    repo.write("content/events/committed.md")
    repo.write("content/other/not-an-event.md")
    repo.commit("2024-10-01T00:00:00Z")
    repo.write("content/events/untracked.md")
    repo.write("content/events/staged.md")
    repo.git("add", "content/events/staged.md")
    assert list(added_dates(str(repo.root / "content"))) == ["events/committed.md"]


def test_a_repository_without_commits_or_a_folder_outside_git_gives_nothing(
    repo, tmp_path_factory, monkeypatch
):
    repo.write("content/events/a.md")
    assert added_dates(str(repo.root / "content")) == {}
    outside = tmp_path_factory.mktemp("plain")
    (outside / "events").mkdir()
    (outside / "events" / "a.md").write_text("x\n")
    # keep git from finding a repository in a folder above the temporary one
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(outside.parent))
    assert added_dates(str(outside)) == {}


def test_no_git_program_and_no_folder_give_nothing(repo):
    repo.write("content/events/a.md")
    repo.commit("2024-10-01T00:00:00Z")
    assert added_dates(str(repo.root / "content"), git="no-such-git-program") == {}
    assert added_dates(str(repo.root / "missing")) == {}


def test_one_git_process_for_the_whole_folder(repo, monkeypatch):
    for day in range(1, 21):
        repo.write(f"content/events/2024/2024-10-{day:02d}-e.md")
    repo.commit("2024-10-21T00:00:00Z")
    calls = []
    real_run = subprocess.run

    def counting_run(*args, **kwargs):
        calls.append(args[0])
        return real_run(*args, **kwargs)

    monkeypatch.setattr(history.subprocess, "run", counting_run)
    assert len(added_dates(str(repo.root / "content"))) == 20
    assert len(calls) == 1


def test_the_parser_ignores_commits_without_additions():
    output = (
        b"commit 1730000000\0\nM\0events/a.md\0"
        b"commit 1730100000\0\nA\0events/b.md\0R087\0events/x.md\0events/y.md\0"
    )
    assert parse_log(output) == {
        "events/b.md": datetime.fromtimestamp(1730100000, UTC),
        "events/y.md": datetime.fromtimestamp(1730100000, UTC),  # renamed from an unknown file
    }


def event_with(extra: str = ""):
    text = entry(title="E", date="2024-10-31", extra=extra)
    event, problems = read_entry(text.encode(), "e.md", "events/e.md", REGISTRY)
    assert event is not None, problems
    return event


def test_published_prefers_front_matter_then_git_then_the_event_date():
    git = {"events/e.md": utc("2024-11-10T12:00:00Z")}
    assert published(event_with("added: 2024-11-05"), git) == utc("2024-11-05T00:00:00Z")
    assert published(event_with("added: 2024-11-05T09:00+09:00"), git) == utc(
        "2024-11-05T00:00:00Z"
    )
    assert published(event_with(), git) == utc("2024-11-10T12:00:00Z")
    assert published(event_with(), {}) == utc("2024-10-31T00:00:00Z")
