"""The blocking front door (``Driver.init_websocket``): a listener run in the calling thread's event loop.

As in 7.3.2, the loop is the thread's own (``asyncio.get_event_loop()``), so that tasks the
caller scheduled on it run beside the listener, and it is returned when the listener ends. A
loop made here (the thread had none, or a closed one) is set as the thread's; if the listener
fails, it is closed again, as ``asyncio.run`` closes its own, and the thread is left without a
loop. A loop the caller made stays open and set, whatever happens.
"""

from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable, Tuple

__all__ = ["run_blocking"]

_UNKNOWN = object()


def run_blocking(connect: Callable[..., Awaitable[Any]], *args: Any) -> asyncio.AbstractEventLoop:
    """Run ``connect(*args)`` in the calling thread's event loop until it ends; return that loop.

    Raises:
        Whatever ``connect`` raises (a loop made here is closed first).

    """
    loop, made_here = _thread_event_loop()
    try:
        loop.run_until_complete(connect(*args))
    except BaseException:
        if made_here:  # nobody else holds it: close it rather than leave it to the garbage collector
            _close(loop)
        raise
    return loop


def _thread_event_loop() -> Tuple[asyncio.AbstractEventLoop, bool]:
    """The calling thread's event loop, and whether it was made here (none was set, or a closed one)."""
    policy = asyncio.get_event_loop_policy()
    # asyncio's own policies keep the thread's loop there: looking first keeps the policy from
    # making one by itself (in the main thread), which would not be known to be ours
    current = getattr(getattr(policy, "_local", None), "_loop", _UNKNOWN)
    if current is _UNKNOWN:  # another policy: ask it, as 7.3.2 did
        try:
            current = policy.get_event_loop()
        except RuntimeError:
            current = None
    if isinstance(current, asyncio.AbstractEventLoop) and not current.is_closed():
        return current, False
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    return loop, True


def _close(loop: asyncio.AbstractEventLoop) -> None:
    """Close a loop made here as ``asyncio.run`` closes its own, and leave the thread without one.

    Its tasks are cancelled and waited for, its async generators and default executor finished.
    """
    try:
        tasks = asyncio.all_tasks(loop)
        for task in tasks:
            task.cancel()
        if tasks:
            loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
    finally:
        asyncio.set_event_loop(None)
        loop.close()
