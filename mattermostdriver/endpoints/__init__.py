"""One module per Driver attribute; each holds one endpoint class.

The modules load on first use (``driver.users`` imports ``endpoints.users``), so that
``import mattermostdriver`` stays cheap; ``from mattermostdriver.endpoints import Users``
works as before.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Dict, Type

from .base import Base

if TYPE_CHECKING:  # the real classes, for type checkers; at run time they load on first use
    from .access_control import AccessControl
    from .agents import Agents
    from .ai import AI
    from .audit_logs import AuditLogs
    from .bleve import Bleve
    from .bookmarks import Bookmarks
    from .bots import Bots
    from .brand import Brand
    from .channels import Channels
    from .cloud import Cloud
    from .cluster import Cluster
    from .commands import Commands
    from .compliance import Compliance
    from .content_flagging import ContentFlagging
    from .custom_profile_attributes import CustomProfileAttributes
    from .data_retention import DataRetention
    from .elasticsearch import Elasticsearch
    from .emoji import Emoji
    from .exports import Exports
    from .files import Files
    from .groups import Groups
    from .imports import Imports
    from .integration_actions import IntegrationActions
    from .ip_filtering import IPFiltering
    from .jobs import Jobs
    from .ldap import LDAP
    from .oauth import OAuth
    from .opengraph import Opengraph
    from .outgoing_oauth_connections import OutgoingOauthConnections
    from .permissions import Permissions
    from .plugins import Plugins
    from .posts import Posts
    from .preferences import Preferences
    from .reactions import Reactions
    from .recaps import Recaps
    from .remote_clusters import RemoteClusters
    from .reports import Reports
    from .roles import Roles
    from .saml import SAML
    from .scheduled_posts import ScheduledPosts
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
    from .webhooks import Webhooks

#: Driver attribute -> endpoint class name (the module is the attribute).
ENDPOINT_CLASSES: Dict[str, str] = {
    "access_control": "AccessControl",
    "agents": "Agents",
    "ai": "AI",
    "audit_logs": "AuditLogs",
    "bleve": "Bleve",
    "bookmarks": "Bookmarks",
    "bots": "Bots",
    "brand": "Brand",
    "channels": "Channels",
    "cloud": "Cloud",
    "cluster": "Cluster",
    "commands": "Commands",
    "compliance": "Compliance",
    "content_flagging": "ContentFlagging",
    "custom_profile_attributes": "CustomProfileAttributes",
    "data_retention": "DataRetention",
    "elasticsearch": "Elasticsearch",
    "emoji": "Emoji",
    "exports": "Exports",
    "files": "Files",
    "groups": "Groups",
    "imports": "Imports",
    "integration_actions": "IntegrationActions",
    "ip_filtering": "IPFiltering",
    "jobs": "Jobs",
    "ldap": "LDAP",
    "oauth": "OAuth",
    "opengraph": "Opengraph",
    "outgoing_oauth_connections": "OutgoingOauthConnections",
    "permissions": "Permissions",
    "plugins": "Plugins",
    "posts": "Posts",
    "preferences": "Preferences",
    "reactions": "Reactions",
    "recaps": "Recaps",
    "remote_clusters": "RemoteClusters",
    "reports": "Reports",
    "roles": "Roles",
    "saml": "SAML",
    "scheduled_posts": "ScheduledPosts",
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
    "webhooks": "Webhooks",
}

_BY_CLASS = {cls: attribute for attribute, cls in ENDPOINT_CLASSES.items()}

__all__ = [
    "Base",
    "ENDPOINT_CLASSES",
    "all_endpoints",
    "endpoint_class",
    "AccessControl",
    "Agents",
    "AI",
    "AuditLogs",
    "Bleve",
    "Bookmarks",
    "Bots",
    "Brand",
    "Channels",
    "Cloud",
    "Cluster",
    "Commands",
    "Compliance",
    "ContentFlagging",
    "CustomProfileAttributes",
    "DataRetention",
    "Elasticsearch",
    "Emoji",
    "Exports",
    "Files",
    "Groups",
    "Imports",
    "IntegrationActions",
    "IPFiltering",
    "Jobs",
    "LDAP",
    "OAuth",
    "Opengraph",
    "OutgoingOauthConnections",
    "Permissions",
    "Plugins",
    "Posts",
    "Preferences",
    "Reactions",
    "Recaps",
    "RemoteClusters",
    "Reports",
    "Roles",
    "SAML",
    "ScheduledPosts",
    "Schemes",
    "SharedChannels",
    "Status",
    "System",
    "Teams",
    "TermsOfService",
    "Threads",
    "Uploads",
    "Usage",
    "Users",
    "Webhooks",
]


def endpoint_class(attribute: str) -> Type[Base]:
    """Return the endpoint class behind ``driver.<attribute>``, importing its module."""
    module = import_module(f"{__name__}.{attribute}")
    cls: Type[Base] = getattr(module, ENDPOINT_CLASSES[attribute])
    return cls


def all_endpoints() -> Dict[str, Type[Base]]:
    """Every Driver attribute with its endpoint class (imports them all)."""
    return {attribute: endpoint_class(attribute) for attribute in ENDPOINT_CLASSES}


def __getattr__(name: str) -> Type[Base]:
    if name in _BY_CLASS:
        return endpoint_class(_BY_CLASS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
