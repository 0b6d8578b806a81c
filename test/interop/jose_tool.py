"""Independent JOSE implementation for xlic's interoperability tests (Debian python3-jwcrypto).

  jose_tool.py verify <jws-file> <signer-cert.pem>   -> prints the payload; exit 1 if the signature fails
  jose_tool.py sign <payload-file> <key.pem> <cert.pem> <alg> <typ> <iat>  -> prints a compact JWS
"""
import base64
import json
import sys

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from jwcrypto import jwk, jws


def verify(jws_path, cert_path):
    cert = x509.load_pem_x509_certificate(open(cert_path, "rb").read())
    key = jwk.JWK.from_pyca(cert.public_key())
    token = jws.JWS()
    token.deserialize(open(jws_path).read().strip())
    headers = []
    alg = None
    if "signatures" in (token.objects or {}):
        for s in token.objects["signatures"]:
            headers.append(json.loads(s["protected"]) if isinstance(s["protected"], str) else s["protected"])
    else:
        p = token.objects["protected"]
        headers.append(json.loads(p) if isinstance(p, str) else p)
    # verify only with the signature whose x5c leaf is this certificate
    der_b64 = base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()
    alg = next(h["alg"] for h in headers if h.get("x5c", [None])[0] == der_b64)
    token.allowed_algs = [alg]
    token.verify(key, alg=alg)
    sys.stdout.write(json.dumps({"payload": token.payload.decode("utf-8"), "headers": headers}))


def sign(payload_path, key_path, cert_path, alg, typ, iat):
    key = jwk.JWK.from_pem(open(key_path, "rb").read())
    cert = x509.load_pem_x509_certificate(open(cert_path, "rb").read())
    der_b64 = base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()
    token = jws.JWS(open(payload_path, "rb").read())
    header = {"alg": alg, "typ": typ, "x5c": [der_b64], "iat": int(iat)}
    token.add_signature(key, alg=alg, protected=json.dumps(header))
    sys.stdout.write(token.serialize(compact=True))


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    {"verify": verify, "sign": sign}[cmd](*args)
