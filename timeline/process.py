"""What keeps a long-running preview process (`mkdocs serve --dirty`) quick between saves: how
it hears of a saved file, and when it collects its garbage. Neither imports MkDocs: `server` is
anything with MkDocs' `LiveReloadServer`'s `observer`, `watch` and `unwatch`."""

from __future__ import annotations

import gc
import threading


def notified(server) -> bool:
    """`server`'s watches moved from polling to the system's notifications, if it has them:
    of files written, created, removed, moved or touched (not opened or read, as the build
    itself does)."""
    from watchdog import events
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    polled = server.observer
    if Observer is PollingObserver or not isinstance(polled, PollingObserver):
        return False
    changes = [
        events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent,
        events.FileMovedEvent, events.FileClosedEvent, events.FileAttribEvent,
    ]  # fmt: skip

    class Notified(Observer):
        def schedule(self, handler, path, *, recursive=False, event_filter=None, **options):
            changed = event_filter or changes
            return super().schedule(
                handler, path, recursive=recursive, event_filter=changed, **options
            )

    watched = []
    for watch in {emitter.watch for emitter in polled.emitters}:
        times = 0
        while any(e.watch == watch for e in polled.emitters):
            server.unwatch(watch.raw_path)
            times += 1
        watched += [watch] * times
    server.observer = Notified()
    for watch in watched:
        server.watch(watch.raw_path, recursive=watch.is_recursive or watch.is_file)
    return True


class Collector:
    """Python's full garbage collections, out of the contributor's way. One walks every object
    (0.3 s of a 2 s rebuild at 5,000 events, seconds at 50,000), and came during rebuilds,
    while the contributor waited. Now, `DELAY` seconds after a build has ended (its page
    served), one full collection frees what the builds let go, and what is left is frozen
    (`gc.freeze`): the collections during the next rebuild skip it. A build that starts sooner
    puts it off; after `AT_MOST` builds put off, it runs as the build ends."""

    DELAY = 0.5
    AT_MOST = 5

    def __init__(self) -> None:
        self.timer: threading.Timer | None = None
        self.put_off = 0
        self.collections = 0
        self.lock = threading.Lock()

    def hold(self) -> None:
        """A build starts."""
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
                self.timer, self.put_off = None, self.put_off + 1

    def after(self) -> None:
        """A build has ended."""
        if self.put_off >= self.AT_MOST:
            self.collect()
            return
        with self.lock:
            self.timer = threading.Timer(self.DELAY, self.collect)
            self.timer.daemon = True
            self.timer.start()

    def collect(self) -> None:
        with self.lock:
            self.timer, self.put_off = None, 0
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.collections += 1
