"""Capsules: a GPT with its knowledge in one file, and importers from other apps.

`service.Capsules` is what front ends use (inspect, export, import, convert); `layout`
says what a capsule holds; `reader` opens one without trusting it; `writer` makes one;
`install` puts an opened capsule into the store; `foreign` reads other apps' JSON.
"""
