"""Bundles (``.vvb``): sync without a network (DESIGN.md "Bundles").

``keys`` holds the key pairs and the sealing/signing primitives, ``container`` the file
layout (a zip of ``manifest.json``, encrypted payloads and a signature, checked byte for
byte), ``manifest`` the typed manifest. Client and server both use these, so a bundle is
written and read by one definition.
"""
