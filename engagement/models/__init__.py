from .roles import Role, RoleGrant

__all__ = ["Role", "RoleGrant"]
