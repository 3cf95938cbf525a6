"""Content: the course's data files (cases, quiz banks, glossary, role-plays) and their readers.

The YAML lives in ``relsell/data``; each reader checks what it reads and says which file and
which entry is wrong. Schema validation (jsonschema) is imported only when it runs.
"""
