#!/usr/bin/env python3
"""Seeds the fuzz corpora from the example book (examples/agency), in the input formats
that fuzz_targets/parse_file.rs and fuzz_targets/audit_book.rs read:

  parse_file: one seed per book file: the kind's selector byte, then the file.
  audit_book: two seeds per client (without and with the read-only commands): its
              client.yaml and every file in its folders, then every contractor and
              rapport.yaml, NUL-separated, each as selector byte + name line + text.

Run from anywhere: python3 fuzz/seed-corpus.py  (writes fuzz/corpus/<target>/).
"""
import hashlib
import pathlib

FUZZ = pathlib.Path(__file__).resolve().parent
BOOK = FUZZ.parent / "examples" / "agency"
# The selector bytes of rapport::fuzzing::KINDS.
SETTINGS, CLIENT, CONTRACTOR = 0, 1, 7
FOLDERS = {"contracts": 2, "projects": 3, "meetings": 4, "log": 5, "invoices": 6}


def save(target, data):
    out = FUZZ / "corpus" / target
    out.mkdir(parents=True, exist_ok=True)
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main():
    settings = (BOOK / "rapport.yaml").read_bytes()
    contractors = sorted((BOOK / "contractors").glob("*.yaml"))
    save("parse_file", bytes([SETTINGS]) + settings)
    tail = []
    for path in contractors:
        save("parse_file", bytes([CONTRACTOR]) + path.read_bytes())
        tail.append(bytes([CONTRACTOR]) + path.stem.encode() + b"\n" + path.read_bytes())
    tail.append(bytes([SETTINGS]) + b"rapport\n" + settings)
    count = 0
    for client in sorted((BOOK / "clients").iterdir()):
        if not client.is_dir():
            continue
        text = (client / "client.yaml").read_bytes()
        save("parse_file", bytes([CLIENT]) + text)
        files = [bytes([CLIENT]) + client.name.encode() + b"\n" + text]
        for folder, selector in FOLDERS.items():
            for path in sorted((client / folder).glob("*.yaml")):
                save("parse_file", bytes([selector]) + path.read_bytes())
                name = f"{client.name}/{path.stem}".encode()
                files.append(bytes([selector]) + name + b"\n" + path.read_bytes())
        save("audit_book", b"\0".join(files + tail))
        # The same book with the read-only commands run on it: a first byte of 128 or
        # more asks for them, and 136 % 9 is still the client's selector.
        files[0] = bytes([CLIENT + 9 * 15]) + files[0][1:]
        save("audit_book", b"\0".join(files + tail))
        count += 1
    print(f"seeded fuzz/corpus/parse_file and fuzz/corpus/audit_book ({count} books)")


if __name__ == "__main__":
    main()
