"""Our own question sets of real-user phrasing on one hundred and two profiles (tests/eval/), graded by the shared
grader through the console contract (needs ../shared/eval/grade.py).

They were written as held-out sets, by people who had not read the code, over the shipped profile,
the second public profile and two profiles written for the purpose (lena_okonkwo.txt: speech,
NLP and IR; accented and reversed names, year-less dates; nadia_castellanos.txt: robotics and
systems; names with particles and apostrophes, a surname shared by two people; anais_kowalczyk.txt:
computational biology, clinical ML and theory, with its field's datasets and metrics;
annelies_vanderzwaan.txt: statistics, econometrics and astrostatistics, other archives' classes,
names with middle initials and middle surnames; khue_tran.txt: HCI and learning sciences, a
Vietnamese name in both orders, a name with "Jr.", non-native phrasings; irini_stavrakaki.txt:
quantum computing and theory, terse commands, two questions in one message; sekar_ayuningtyas.txt:
a small security and systems profile where honest "none" answers matter; tomas, priya, oluwaseun,
hannah, zeynep, matteo, ruth, jonas, wen, dario and ines: public health, economics, NLP, accessibility,
causal inference, vision, neuroscience, materials, cosmology, software engineering and remote
sensing profiles with nicknames, possessives without apostrophes and LaTeX in abstracts; amara to
oyelaran, and bianca, tadeo and saoirse: probability, speech and music, medical imaging, distributed
systems, LLM alignment, wireless, particle physics, digital humanities, control systems, drug
discovery, operations research and computer architecture; leilani to ayaan: security, climate,
brain imaging, autonomous driving, single-cell genomics, reinforcement learning, recommender systems,
molecular ML, legal NLP, quantitative finance, algorithms, epidemiology, exoplanets and numerical
analysis, with their fields' tools; quentin, wanjiru, hamid and astrid: marine bioacoustics, traffic
forecasting, ML for software engineering and surgical video; arjun, mei, henrik and lucia: precision
agriculture, accessibility and sign language, seismology, and music information retrieval; nadim,
ingrid and tomoko: misinformation and social bots, power systems, and radio astronomy; bruno, oren,
dalia, kiri and ravi: computational pathology, applied cryptography, sports analytics, phonetics and
language documentation, and hydrology; tariq, yuki and amaru: computational archaeology, animal
behaviour and solar physics; aiko, noemi and lars: earthquake early warning, sign language
recognition and quantum error correction; tevita, ingeborg and anouk: coral reef imaging, political
methodology and battery materials; sigrun, mateo and folake: glaciology, child language acquisition
and wildfire prediction, added at their unseen scores after three fixes; beatriz, tupac, hyejin and
kwame: music information retrieval, crop remote sensing, legal NLP and exoplanets; ximena, rhys, ingvild
and bao: ML for fluid dynamics, differential privacy, integrated photonics and human mobility; teodora,
emeka, solveig, paulo, zanele, kaito, amadou and lucas: program repair and fuzzing, power systems,
bioacoustics, market design, computational pathology, physical oceanography, African-language NLP
and wireless sensing, added at their scores after this session's mechanism fixes, then their fields'
concepts and datasets; ifeoma, joaquin, hana, farida and mikkel: poverty mapping from satellites,
sports analytics, neural decoding, quantitative finance and surgical robotics; aroha, ignacio, dagny
and thiago: fusion plasma, ECG and wearables, ecology and time-domain astronomy; saskia, ysolde and
olamide: theorem proving, audio source separation and electronic design automation). Their
misses were then fixed in the mechanism, so they are regression sets now: each may not fall below
the score it reached.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

GRADER = SHARED / "eval" / "grade.py"
ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "eval"
FLOORS = {
    "guohai_real_talk.yaml": 97,
    "marisol_real_talk.yaml": 97,
    "lena_real_talk.yaml": 93,
    "nadia_real_talk.yaml": 97,
    "anais_real_talk.yaml": 106,
    "annelies_real_talk.yaml": 111,
    "khue_real_talk.yaml": 113,
    "irini_real_talk.yaml": 111,
    "sekar_real_talk.yaml": 103,
    "tomas_real_talk.yaml": 101,
    "priya_real_talk.yaml": 105,
    "oluwaseun_real_talk.yaml": 101,
    "hannah_real_talk.yaml": 102,
    "zeynep_real_talk.yaml": 94,
    "matteo_real_talk.yaml": 101,
    "ruth_real_talk.yaml": 95,
    "jonas_real_talk.yaml": 95,
    "wen_real_talk.yaml": 85,
    "dario_real_talk.yaml": 91,
    "ines_real_talk.yaml": 93,
    "sven_real_talk.yaml": 110,
    "kofi_real_talk.yaml": 110,
    "freya_real_talk.yaml": 103,
    "amara_real_talk.yaml": 103,
    "yusuf_real_talk.yaml": 107,
    "chiara_real_talk.yaml": 109,
    "rafael_real_talk.yaml": 96,
    "margit_real_talk.yaml": 97,
    "oyelaran_real_talk.yaml": 108,
    "bianca_real_talk.yaml": 108,
    "tadeo_real_talk.yaml": 109,
    "saoirse_real_talk.yaml": 110,
    "leilani_real_talk.yaml": 109,
    "mirela_real_talk.yaml": 107,
    "tobias_real_talk.yaml": 106,
    "rohan_real_talk.yaml": 117,
    "greta_real_talk.yaml": 116,
    "noor_real_talk.yaml": 113,
    "sofia_real_talk.yaml": 106,
    "ayaan_real_talk.yaml": 108,
    "oskar_real_talk.yaml": 106,
    "elif_real_talk.yaml": 108,
    "ilse_real_talk.yaml": 110,
    "yara_real_talk.yaml": 103,
    "pilar_real_talk.yaml": 101,
    "dmitri_real_talk.yaml": 104,
    "astrid_real_talk.yaml": 115,
    "hamid_real_talk.yaml": 105,
    "quentin_real_talk.yaml": 110,
    "wanjiru_real_talk.yaml": 114,
    "arjun_real_talk.yaml": 114,
    "mei_real_talk.yaml": 114,
    "henrik_real_talk.yaml": 111,
    "lucia_real_talk.yaml": 111,
    "nadim_real_talk.yaml": 104,
    "ingrid_real_talk.yaml": 111,
    "tomoko_real_talk.yaml": 106,
    "bruno_real_talk.yaml": 111,
    "oren_real_talk.yaml": 106,
    "dalia_real_talk.yaml": 105,
    "kiri_real_talk.yaml": 102,
    "ravi_real_talk.yaml": 106,
    "tariq_real_talk.yaml": 106,
    "yuki_real_talk.yaml": 106,
    "amaru_real_talk.yaml": 100,
    "aiko_real_talk.yaml": 110,
    "noemi_real_talk.yaml": 117,
    "lars_real_talk.yaml": 110,
    "tevita_real_talk.yaml": 114,
    "ingeborg_real_talk.yaml": 111,
    "anouk_real_talk.yaml": 115,
    "sigrun_real_talk.yaml": 114,
    "mateo_real_talk.yaml": 112,
    "folake_real_talk.yaml": 109,
    "beatriz_real_talk.yaml": 115,
    "tupac_real_talk.yaml": 117,
    "hyejin_real_talk.yaml": 113,
    "kwame_real_talk.yaml": 113,
    "ximena_real_talk.yaml": 113,
    "rhys_real_talk.yaml": 116,
    "ingvild_real_talk.yaml": 113,
    "bao_real_talk.yaml": 114,
    "teodora_real_talk.yaml": 115,
    "ifeoma_real_talk.yaml": 119,
    "joaquin_real_talk.yaml": 115,
    "hana_real_talk.yaml": 115,
    "farida_real_talk.yaml": 114,
    "mikkel_real_talk.yaml": 115,
    "aroha_real_talk.yaml": 114,
    "ignacio_real_talk.yaml": 117,
    "dagny_real_talk.yaml": 114,
    "thiago_real_talk.yaml": 116,
    "saskia_real_talk.yaml": 110,
    "ysolde_real_talk.yaml": 112,
    "olamide_real_talk.yaml": 109,
    "emeka_real_talk.yaml": 106,
    "solveig_real_talk.yaml": 112,
    "paulo_real_talk.yaml": 114,
    "zanele_real_talk.yaml": 109,
    "kaito_real_talk.yaml": 115,
    "amadou_real_talk.yaml": 116,
    "lucas_real_talk.yaml": 107,
}


@pytest.mark.skipif(not GRADER.exists(), reason="../shared/eval/grade.py is absent (fresh clone)")
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_question_set_keeps_its_score(name: str) -> None:
    result = subprocess.run(
        [sys.executable, str(GRADER), str(SETS / name), "--cmd", f"{sys.executable} -m bot", "-v"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    score = re.search(r"(\d+)/(\d+) cases pass", result.stdout.splitlines()[-1] if result.stdout else "")
    assert score, result.stdout[-2000:] + result.stderr[-2000:]
    failures = "\n".join(line for line in result.stdout.splitlines() if line.startswith("FAIL"))
    assert int(score.group(1)) >= FLOORS[name], f"{score.group(0)}, below {FLOORS[name]}:\n{failures}"
