# SPDX-License-Identifier: GPL-3.0-or-later
"""heat-api-cfn's EC2 signature check, with a token of its own (loaded by sandbox.pth).

Keystone 27.0.0 in trixie carries a security backport: POST /v3/ec2tokens needs an authenticated
admin or service caller (identity:ec2tokens_validate = ADMIN_OR_SERVICE, and the call is refused
with 401 before any policy when there is no token). Heat 24's ec2token middleware posts the
signature without a token, so every pre-signed heat-api-cfn URL (a ScalingPolicy's alarm_url, wait
condition handles) fails with 403 AccessDenied. This adds the heat service user's token to that one
request, as a service is meant to call it. Credentials: heat.conf [keystone_authtoken].
"""
import sandbox_hooks

_TARGET = 'heat.api.aws.ec2token'


def _patch(ec2token):
    from keystoneauth1 import loading
    from keystoneauth1 import session
    from oslo_config import cfg

    requests = ec2token.requests
    state = {}

    def service_token():
        if 'session' not in state:
            try:  # keystonemiddleware registers them too when its filter loaded first
                loading.register_auth_conf_options(cfg.CONF, 'keystone_authtoken')
            except cfg.DuplicateOptError:
                pass
            plugin = loading.load_auth_from_conf_options(cfg.CONF, 'keystone_authtoken')
            state['session'] = session.Session(auth=plugin)
        return state['session'].get_token()  # cached by the plugin until it expires

    class _Requests:
        """ec2token's `requests`, with post() to .../ec2tokens carrying X-Auth-Token."""

        def __getattr__(self, name):
            return getattr(requests, name)

        @staticmethod
        def post(url, *args, headers=None, **kwargs):
            if url.rstrip('/').endswith('/ec2tokens'):
                headers = dict(headers or {}, **{'X-Auth-Token': service_token()})
            return requests.post(url, *args, headers=headers, **kwargs)

    ec2token.requests = _Requests()


def install():
    sandbox_hooks.after_import(_TARGET, _patch)
