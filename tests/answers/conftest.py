"""Engines over the profiles of our question sets (tests/eval/), one per page and test session, and
today pinned (tests/conftest.py) to the day the sets were written."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from bot.corpus.loading import load_corpus
from bot.engine import Engine
from tests.conftest import EVAL_PAGES


def asked(engine: Engine, text: str) -> tuple[str, str, list[int]]:
    """A question in its own conversation: the answer's headline, its whole text and its papers' ids."""
    answer = engine.ask(text, ("tester", text))
    return answer.headline, answer.text, [p.id for p in answer.papers]


def headline_and_ids(engine: Engine, text: str) -> tuple[str, list[int]]:
    headline, _, ids = asked(engine, text)
    return headline, ids


def text_and_ids(engine: Engine, text: str) -> tuple[str, list[int]]:
    _, whole, ids = asked(engine, text)
    return whole, ids


@cache
def engine_for(page: str) -> Engine:
    return Engine(load_corpus(EVAL_PAGES / page))


def _page(page: str) -> Callable[[], Engine]:
    @pytest.fixture(scope="module")
    def engine() -> Engine:
        return engine_for(page)

    return engine


tomas = _page("tomas_albuquerque.txt")
priya = _page("priya_raghunathan.txt")
matteo = _page("matteo_ferrante.txt")
zeynep = _page("zeynep_arslan.txt")
ruth = _page("ruth_okafor.txt")
jonas = _page("jonas_brandt.txt")
dario = _page("dario_moretti.txt")
wen = _page("wen_li_hartmann.txt")
ines = _page("ines_carvalho.txt")
amara = _page("amara_okonjo-villeneuve.txt")
sven = _page("sven_aaltonen.txt")
kofi = _page("kofi_mensah-larbi.txt")
freya = _page("freya_nakamura-obi.txt")
chiara = _page("chiara_lindqvist-okoro.txt")
rafael = _page("rafael_ibanez-whitcombe.txt")
yusuf = _page("yusuf_demir-halvorsen.txt")
oluwaseun = _page("oluwaseun_adeyemi.txt")
tobias = _page("tobias_ndiaye.txt")
sofia = _page("sofia_varga-mbeki.txt")
noor = _page("noor_haddad-sato.txt")
ayaan = _page("ayaan_qureshi-lund.txt")
ilse = _page("ilse_marchetti-wong.txt")
oskar = _page("oskar_lindgren-nwosu.txt")
yara = _page("yara_fonseca-lindholm.txt")
dmitri = _page("dmitri_oyelaran-haas.txt")
elif_bergqvist = _page("elif_bergqvist-adebayo.txt")  # "elif" is a keyword
quentin = _page("quentin_abara-lindholm.txt")
wanjiru = _page("wanjiru_kamau-sorensen.txt")
hamid = _page("hamid_farahani-ostby.txt")
astrid = _page("astrid_solberg-nakamura.txt")
sekar = _page("sekar_ayuningtyas.txt")
arjun = _page("arjun_pillai-novak.txt")
mei = _page("mei_takahashi-brennan.txt")
henrik = _page("henrik_solvang-adeyemi.txt")
lucia = _page("lucia_bernal-okoye.txt")
nadim = _page("nadim_haddad-kristiansen.txt")
ingrid = _page("ingrid_oyelaran-voss.txt")
tomoko = _page("tomoko_achebe-lindqvist.txt")
bruno = _page("bruno_tavares-okeke.txt")
dalia = _page("dalia_moreno-kowalski.txt")
oren = _page("oren_feldman-achebe.txt")
kiri = _page("kiri_tamatea-holm.txt")
ravi = _page("ravi_subramaniam-ekdahl.txt")
lena = _page("lena_okonkwo.txt")
tariq = _page("tariq_benhaddou-lindgren.txt")
yuki = _page("yuki_anand-castellano.txt")
amaru = _page("amaru_quispe-halvorsen.txt")
aiko = _page("aiko_brennan-mwale.txt")
noemi = _page("noemi_castaneda-holt.txt")
lars = _page("lars_oyekunle-marchetti.txt")
tevita = _page("tevita_halloran-ngata.txt")
ingeborg = _page("ingeborg_achterberg-salas.txt")
anouk = _page("anouk_kovalenko-osei.txt")
sigrun = _page("sigrun_eyjolfsdottir-baptiste.txt")
mateo = _page("mateo_quinteros-lindahl.txt")
folake = _page("folake_adebanjo-weiss.txt")
beatriz = _page("beatriz_oyarzun-lindqvist.txt")
tupac = _page("tupac_mamani-sorensen.txt")
hyejin = _page("hyejin_park-delacroix.txt")
kwame = _page("kwame_asante-rydberg.txt")
ximena = _page("ximena_huaman-eriksen.txt")
rhys = _page("rhys_okoye-lindberg.txt")
ingvild = _page("ingvild_achebe-moreau.txt")
bao = _page("bao_nguyen-ferreira.txt")
