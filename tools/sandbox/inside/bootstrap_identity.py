#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs inside the root once keystone answers (after `keystone-manage bootstrap`): the service
project and users, the catalog, Heat's stack-user domain, the demo project and user, the restricted
application credential `sandbox`, and clouds.yaml. One process: each `openstack` CLI call would
cost a second of start-up.

Usage: bootstrap_identity.py CLOUDS_YAML
"""
import os
import sys

import openstack
import yaml

KEYSTONE = 'http://127.0.0.1:5000'
ADMIN_PASSWORD, SERVICE_PASSWORD, DEMO_PASSWORD = 'sandbox-admin', 'sandbox-service', 'sandbox-demo'
clouds_path = sys.argv[1]


def connect(user, password, project):
    return openstack.connect(auth_url=KEYSTONE + '/v3', username=user, password=password,
                             project_name=project, user_domain_name='Default',
                             project_domain_name='Default', region_name='RegionOne')


admin = connect('admin', ADMIN_PASSWORD, 'admin')
idn = admin.identity


def ensure(find, create, name, **attrs):
    found = find(name, ignore_missing=True, **({'domain_id': attrs['domain_id']} if 'domain_id' in attrs else {}))
    return found or create(name=name, **attrs)


roles = {name: ensure(idn.find_role, idn.create_role, name)
         for name in ('admin', 'member', 'reader', 'service', 'heat_stack_owner', 'heat_stack_user',
                      'ResellerAdmin')}

service_project = ensure(idn.find_project, idn.create_project, 'service', domain_id='default')
for name in ('heat', 'swift', 'cinder', 'glance', 'placement', 'nova', 'neutron'):
    user = ensure(idn.find_user, idn.create_user, name, domain_id='default', password=SERVICE_PASSWORD)
    idn.assign_project_role_to_user(service_project, user, roles['admin'])
    idn.assign_project_role_to_user(service_project, user, roles['service'])

# Heat creates users for stack resources (signals, wait conditions) in a domain of its own.
heat_domain = ensure(idn.find_domain, idn.create_domain, 'heat', description='Heat stack projects and users')
heat_admin = ensure(idn.find_user, idn.create_user, 'heat_domain_admin', domain_id=heat_domain.id,
                    password=SERVICE_PASSWORD)
idn.assign_domain_role_to_user(heat_domain, heat_admin, roles['admin'])

catalog = [
    ('heat', 'orchestration', 'http://127.0.0.1:8004/v1/%(project_id)s'),
    ('heat-cfn', 'cloudformation', 'http://127.0.0.1:8000/v1'),
    ('swift', 'object-store', 'http://127.0.0.1:8080/v1/AUTH_%(project_id)s'),
    ('cinderv3', 'volumev3', 'http://127.0.0.1:8776/v3/%(project_id)s'),
    ('cinder', 'block-storage', 'http://127.0.0.1:8776/v3/%(project_id)s'),
    ('glance', 'image', 'http://127.0.0.1:9292'),
    ('placement', 'placement', 'http://127.0.0.1:8778'),
    ('nova', 'compute', 'http://127.0.0.1:8774/v2.1'),
    ('neutron', 'network', 'http://127.0.0.1:9696'),
]
have = {s.type for s in idn.services()}
for name, kind, url in catalog:
    if kind in have:
        continue
    service = idn.create_service(name=name, type=kind)
    for interface in ('public', 'internal', 'admin'):
        idn.create_endpoint(service_id=service.id, interface=interface, url=url, region_id='RegionOne')

demo_project = ensure(idn.find_project, idn.create_project, 'demo', domain_id='default')
demo_user = ensure(idn.find_user, idn.create_user, 'demo', domain_id='default', password=DEMO_PASSWORD,
                   default_project_id=demo_project.id)
idn.assign_project_role_to_user(demo_project, demo_user, roles['member'])
idn.assign_project_role_to_user(demo_project, demo_user, roles['heat_stack_owner'])

# The restricted application credential: the way CSC tells Pouta users to authenticate. Restricted
# means it cannot create other application credentials or trusts of its own (Heat's trusts are
# allowed by the keystone setting in configure.sh).
demo = connect('demo', DEMO_PASSWORD, 'demo')
uid = demo.current_user_id
for old in demo.identity.application_credentials(user=uid):
    if old.name == 'sandbox':
        demo.identity.delete_application_credential(uid, old)
appcred = demo.identity.create_application_credential(
    user=uid, name='sandbox', unrestricted=False, description='tools/sandbox-cloud demo credential')


def password_auth(user, password, project):
    return {'auth_url': KEYSTONE, 'username': user, 'password': password, 'project_name': project,
            'user_domain_name': 'Default', 'project_domain_name': 'Default'}


common = {'environment': 'development', 'region_name': 'RegionOne', 'identity_api_version': 3,
          'interface': 'public'}
clouds = {'clouds': {
    'sandbox': dict(common, auth_type='v3applicationcredential', auth={
        'auth_url': KEYSTONE, 'application_credential_id': appcred.id,
        'application_credential_secret': appcred.secret}),
    'sandbox-password': dict(common, auth_type='password', auth=password_auth('demo', DEMO_PASSWORD, 'demo')),
    'sandbox-admin': dict(common, auth_type='password', auth=password_auth('admin', ADMIN_PASSWORD, 'admin')),
}}
fd = os.open(clouds_path + '.tmp', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
with os.fdopen(fd, 'w') as f:
    f.write('# Written by tools/sandbox-cloud (bootstrap). Sandbox-only secrets; regenerated by reset.\n')
    yaml.safe_dump(clouds, f, sort_keys=False)
os.replace(clouds_path + '.tmp', clouds_path)
print('identity bootstrapped; clouds:', ', '.join(clouds['clouds']))
