"""One module per Driver attribute; each holds one endpoint class.

:data:`AREAS` is the one registry of areas: it makes the endpoint attributes of
:class:`Areas` (a base of ``Driver``) and of ``async_areas.AsyncAreas`` (a base of
``AsyncDriver``), their ``dir()``, the reference docs and
``from mattermostdriver.endpoints import Users``. A module loads on first use
(``driver.users`` imports ``endpoints.users``), so ``import mattermostdriver`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Type, TypeVar

from .base import Base

if TYPE_CHECKING:  # the real classes, for type checkers; at run time they load on first use
    from .access_control import AccessControl
    from .agents import Agents
    from .ai import AI
    from .audit_logs import AuditLogs
    from .bleve import Bleve
    from .boards import Boards
    from .bookmarks import Bookmarks
    from .bots import Bots
    from .brand import Brand
    from .cards import Cards
    from .channels import Channels
    from .cloud import Cloud
    from .cluster import Cluster
    from .commands import Commands
    from .compliance import Compliance
    from .content_flagging import ContentFlagging
    from .custom_profile_attributes import CustomProfileAttributes
    from .data_retention import DataRetention
    from .delivery_tracking import DeliveryTracking
    from .drafts import Drafts
    from .elasticsearch import Elasticsearch
    from .emoji import Emoji
    from .ephemeral_mode import EphemeralMode
    from .exports import Exports
    from .files import Files
    from .groups import Groups
    from .health import Health
    from .imports import Imports
    from .integration_actions import IntegrationActions
    from .ip_filtering import IPFiltering
    from .jobs import Jobs
    from .ldap import LDAP
    from .oauth import OAuth
    from .omnisearch import Omnisearch
    from .opengraph import Opengraph
    from .outgoing_oauth_connections import OutgoingOauthConnections
    from .permissions import Permissions
    from .playbooks import Playbooks
    from .plugins import Plugins
    from .posts import Posts
    from .preferences import Preferences
    from .properties import Properties
    from .reactions import Reactions
    from .recaps import Recaps
    from .remote_clusters import RemoteClusters
    from .reports import Reports
    from .roles import Roles
    from .saml import SAML
    from .scheduled_posts import ScheduledPosts
    from .scheduled_recaps import ScheduledRecaps
    from .schemes import Schemes
    from .shared_channels import SharedChannels
    from .status import Status
    from .system import System
    from .teams import Teams
    from .terms_of_service import TermsOfService
    from .threads import Threads
    from .uploads import Uploads
    from .usage import Usage
    from .users import Users
    from .views import Views
    from .webhooks import Webhooks

#: The registry: Driver attribute -> endpoint class name (the module is named as the attribute).
AREAS: Dict[str, str] = {
    "access_control": "AccessControl",
    "agents": "Agents",
    "ai": "AI",
    "audit_logs": "AuditLogs",
    "bleve": "Bleve",
    "boards": "Boards",
    "bookmarks": "Bookmarks",
    "bots": "Bots",
    "brand": "Brand",
    "cards": "Cards",
    "channels": "Channels",
    "cloud": "Cloud",
    "cluster": "Cluster",
    "commands": "Commands",
    "compliance": "Compliance",
    "content_flagging": "ContentFlagging",
    "custom_profile_attributes": "CustomProfileAttributes",
    "data_retention": "DataRetention",
    "delivery_tracking": "DeliveryTracking",
    "drafts": "Drafts",
    "elasticsearch": "Elasticsearch",
    "emoji": "Emoji",
    "ephemeral_mode": "EphemeralMode",
    "exports": "Exports",
    "files": "Files",
    "groups": "Groups",
    "health": "Health",
    "imports": "Imports",
    "integration_actions": "IntegrationActions",
    "ip_filtering": "IPFiltering",
    "jobs": "Jobs",
    "ldap": "LDAP",
    "oauth": "OAuth",
    "omnisearch": "Omnisearch",
    "opengraph": "Opengraph",
    "outgoing_oauth_connections": "OutgoingOauthConnections",
    "permissions": "Permissions",
    "playbooks": "Playbooks",
    "plugins": "Plugins",
    "posts": "Posts",
    "preferences": "Preferences",
    "properties": "Properties",
    "reactions": "Reactions",
    "recaps": "Recaps",
    "remote_clusters": "RemoteClusters",
    "reports": "Reports",
    "roles": "Roles",
    "saml": "SAML",
    "scheduled_posts": "ScheduledPosts",
    "scheduled_recaps": "ScheduledRecaps",
    "schemes": "Schemes",
    "shared_channels": "SharedChannels",
    "status": "Status",
    "system": "System",
    "teams": "Teams",
    "terms_of_service": "TermsOfService",
    "threads": "Threads",
    "uploads": "Uploads",
    "usage": "Usage",
    "users": "Users",
    "views": "Views",
    "webhooks": "Webhooks",
}

#: The 7.3.2-era name of :data:`AREAS`.
ENDPOINT_CLASSES = AREAS

_BY_CLASS = {cls: attribute for attribute, cls in AREAS.items()}

T = TypeVar("T")

__all__ = [
    "Base",
    "AREAS",
    "ENDPOINT_CLASSES",
    "Area",
    "Areas",
    "add_area_attributes",
    "all_endpoints",
    "endpoint_class",
    *AREAS.values(),
]


def endpoint_class(attribute: str) -> Type[Base]:
    """Return the endpoint class behind ``driver.<attribute>``, importing its module."""
    module = import_module(f"{__name__}.{attribute}")
    cls: Type[Base] = getattr(module, AREAS[attribute])
    return cls


def all_endpoints() -> Dict[str, Type[Base]]:
    """Every Driver attribute with its endpoint class (imports them all)."""
    return {attribute: endpoint_class(attribute) for attribute in AREAS}


class Area:
    """The class attribute behind ``driver.<area>``: builds the endpoint object on first use.

    The object is made from the area's class (its module loads then) with the instance's
    ``client``, and stored in the instance's ``__dict__`` (never through ``setattr``), so
    later reads are plain attribute reads. Being a class attribute, ``super().posts`` works
    in a subclass, and a subclass's own property of the same name (with its setter) always
    wins.
    """

    def __init__(self, attribute: str) -> None:
        self.attribute = attribute
        self.__doc__ = (
            f"The ``{attribute}`` routes: a :class:`~mattermostdriver.endpoints.{AREAS[attribute]}`."
        )

    def __get__(self, instance: Any, owner: Optional[type] = None) -> Any:
        if instance is None:
            return self
        endpoint = endpoint_class(self.attribute)(instance.client)
        instance.__dict__[self.attribute] = endpoint
        return endpoint

    def __repr__(self) -> str:
        return f"<area {self.attribute}: {AREAS[self.attribute]}>"


class Areas:
    """The endpoint attributes, one per entry of :data:`AREAS`; a base of :class:`~mattermostdriver.Driver`.

    A subclass provides ``client``. ``AsyncDriver`` has the same attributes from
    :class:`~mattermostdriver.endpoints.async_areas.AsyncAreas`, typed for ``await``.
    """

    if TYPE_CHECKING:
        access_control: AccessControl
        agents: Agents
        ai: AI
        audit_logs: AuditLogs
        bleve: Bleve
        boards: Boards
        bookmarks: Bookmarks
        bots: Bots
        brand: Brand
        cards: Cards
        channels: Channels
        cloud: Cloud
        cluster: Cluster
        commands: Commands
        compliance: Compliance
        content_flagging: ContentFlagging
        custom_profile_attributes: CustomProfileAttributes
        data_retention: DataRetention
        delivery_tracking: DeliveryTracking
        drafts: Drafts
        elasticsearch: Elasticsearch
        emoji: Emoji
        ephemeral_mode: EphemeralMode
        exports: Exports
        files: Files
        groups: Groups
        health: Health
        imports: Imports
        integration_actions: IntegrationActions
        ip_filtering: IPFiltering
        jobs: Jobs
        ldap: LDAP
        oauth: OAuth
        omnisearch: Omnisearch
        opengraph: Opengraph
        outgoing_oauth_connections: OutgoingOauthConnections
        permissions: Permissions
        playbooks: Playbooks
        plugins: Plugins
        posts: Posts
        preferences: Preferences
        properties: Properties
        reactions: Reactions
        recaps: Recaps
        remote_clusters: RemoteClusters
        reports: Reports
        roles: Roles
        saml: SAML
        scheduled_posts: ScheduledPosts
        scheduled_recaps: ScheduledRecaps
        schemes: Schemes
        shared_channels: SharedChannels
        status: Status
        system: System
        teams: Teams
        terms_of_service: TermsOfService
        threads: Threads
        uploads: Uploads
        usage: Usage
        users: Users
        views: Views
        webhooks: Webhooks


def add_area_attributes(cls: Type[T]) -> Type[T]:
    """Give ``cls`` one :class:`Area` per entry of :data:`AREAS` (the endpoint attributes)."""
    for attribute in AREAS:
        setattr(cls, attribute, Area(attribute))
    return cls


add_area_attributes(Areas)


def __getattr__(name: str) -> Type[Base]:
    if name in _BY_CLASS:
        return endpoint_class(_BY_CLASS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(_BY_CLASS))
