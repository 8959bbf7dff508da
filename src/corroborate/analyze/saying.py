"""Which cues say something: verbs of saying, thinking and judging aloud, as against acts a source is reported doing.

The attribution model takes acts a source is reported doing ("imposed", "voted", "signed", "launched") as well as
what it says; who said what lists only what was said, and a claim is labelled "X says: ..." only for it.
"""

from __future__ import annotations

from ..stories.features import stem
from .statements import CUE_LEMMAS, EXPRESS_VERBS, NOUN_CUES

# cues of saying, thinking and judging ("said", "warned", "according to", "the claim that")
JUDGING = {"accept", "praise", "blast", "slam", "defend", "endorse", "decline", "refuse", "applaud"}
# verbs of saying or judging aloud the cue model does not list ("has spoken of his shock", "advised users to",
# "labelled the bug as", "decried the epidemic of gun violence as an “international embarrassment”")
OTHER_SAYING = {"according", "speak", "talk", "advise", "label", "press", "shout", "chant", "hail", "welcome"}
OTHER_SAYING |= {"thank", "tout", "decry", "mock", "denounce", "downplay", "hint", "dub", "characterize", "tweet"}
OTHER_SAYING |= {"retweet"}
SPEECH_STEMS = frozenset(stem(w) for w in CUE_LEMMAS | EXPRESS_VERBS | NOUN_CUES | JUDGING | OTHER_SAYING)
# past forms a stem does not reach, of the verbs above
IRREGULAR_PAST = {"said": "say", "told": "tell", "wrote": "write", "thought": "think", "felt": "feel", "knew": "know"}
IRREGULAR_PAST |= {"spoke": "speak", "spoken": "speak"}
IRREGULAR_PAST["found"] = "find"


def cue_of_saying(cue: str) -> bool:
    """Does a cue as the article words it ("has said", "did not respond", "according to") hold a verb of saying?"""
    return any(stem(IRREGULAR_PAST.get(w, w)) in SPEECH_STEMS for w in cue.lower().split())
