"""One module per Driver attribute; each holds one endpoint class."""

from .access_control import AccessControl
from .agents import Agents
from .ai import AI
from .audit_logs import AuditLogs
from .base import Base
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

__all__ = [
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
    "Base",
]

#: Driver attribute name -> endpoint class.
ENDPOINTS = {
    "access_control": AccessControl,
    "agents": Agents,
    "ai": AI,
    "audit_logs": AuditLogs,
    "bleve": Bleve,
    "bookmarks": Bookmarks,
    "bots": Bots,
    "brand": Brand,
    "channels": Channels,
    "cloud": Cloud,
    "cluster": Cluster,
    "commands": Commands,
    "compliance": Compliance,
    "content_flagging": ContentFlagging,
    "custom_profile_attributes": CustomProfileAttributes,
    "data_retention": DataRetention,
    "elasticsearch": Elasticsearch,
    "emoji": Emoji,
    "exports": Exports,
    "files": Files,
    "groups": Groups,
    "imports": Imports,
    "integration_actions": IntegrationActions,
    "ip_filtering": IPFiltering,
    "jobs": Jobs,
    "ldap": LDAP,
    "oauth": OAuth,
    "opengraph": Opengraph,
    "outgoing_oauth_connections": OutgoingOauthConnections,
    "permissions": Permissions,
    "plugins": Plugins,
    "posts": Posts,
    "preferences": Preferences,
    "reactions": Reactions,
    "recaps": Recaps,
    "remote_clusters": RemoteClusters,
    "reports": Reports,
    "roles": Roles,
    "saml": SAML,
    "scheduled_posts": ScheduledPosts,
    "schemes": Schemes,
    "shared_channels": SharedChannels,
    "status": Status,
    "system": System,
    "teams": Teams,
    "terms_of_service": TermsOfService,
    "threads": Threads,
    "uploads": Uploads,
    "usage": Usage,
    "users": Users,
    "webhooks": Webhooks,
}
