# `from __future__ import annotations`: annotations are kept as source text, so forward
# references need no quotes.
from __future__ import annotations

import __future__
from dataclasses import dataclass


@dataclass
class Node:
    value: int
    next: Node | None = None
    label: "str" = ""


n = Node(1, Node(2))
print(n)
print(Node.__annotations__)
print(__future__.annotations)
print(__future__.annotations.getMandatoryRelease())
