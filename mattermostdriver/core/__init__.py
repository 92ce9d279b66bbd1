"""The core of the client, without I/O: what a call is, and what is done about its answers.

* :mod:`~.settings`: what the requests need from the options, derived once per change;
* :mod:`~.request`: building a call's :class:`~.request.Request`, the one object that carries
  it to the request loop and the transport;
* :mod:`~.loop`: the request loop (retries, waits, the status -> exception table), written once;
* :mod:`~.pending`: the ``pending_post_id`` of posts, and what a call's end means for it;
* :mod:`~.base`: ``ClientBase``, the state and the verbs the sync and async clients share;
* :mod:`~.flows` and :mod:`~.sources`: the streaming transfers, written once.

The transports (:mod:`mattermostdriver.transports`) stand beside it and send what it builds;
the clients (:mod:`mattermostdriver.client`, :mod:`mattermostdriver.aio_client`) and the
transfer runners run it over them.
"""
