"""Synthetic profile pages written in the tests: other researchers, classes and names."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PaperBlock:
    header: str
    title: str
    authors: str
    abstract: str


@dataclass
class Page:
    name: str = "Ada Lovelace"
    category: str = "RO"
    h_index: str = "12"
    papers_stat: str | None = None
    citations: str = "1,204"
    novelty: str = "40"
    ai_score: str = "61"
    papers: list[PaperBlock] = field(default_factory=list)
    count: str | None = None

    def text(self) -> str:
        lines = [
            self.name,
            "",
            self.category,
            f"h-index{self.h_index}",
            f"{self.papers_stat or len(self.papers)}papers",
            f"{self.citations}citations",
            f"Novelty{self.novelty}%",
            f"AI Score{self.ai_score}",
            "",
            f"{self.count or len(self.papers)} Papers",
            "",
        ]
        for block in self.papers:
            lines += [block.header, block.title, "", block.authors, "", block.abstract, ""]
        return "\n".join(lines).rstrip("\n") + "\n"


ROBOTICS = Page(
    name="Ada Lovelace",
    category="RO",
    papers=[
        PaperBlock(
            "ROMar 3, 2024Code",
            "GraspNet-X: Learning Dexterous Grasps from \\textbf{Tactile} Feedback",
            "Ada Lovelace, Tomás Müller, Li Wei et al.",
            "We present GraspNet-X, a tactile grasping policy. It reaches 91.2\\% success on the "
            "YCB-Grasp benchmark and improves over prior work on ImageNet features. "
            "Code: https://github.com/example/graspnet-x.",
        ),
        PaperBlock(
            "SDNov 20",
            "EchoNav: Audio Cues for Robot Navigation",
            "Li Wei, Ada Lovelace",
            "We introduce \\modelname, an audio-visual navigation agent evaluated on LibriSpeech "
            "and AudioSet. \\modelname{} uses sound to find objects; we also build SoundNavBench, "
            "a new benchmark for audio navigation.",
        ),
        PaperBlock(
            "CRJan 5",
            "Secure Teleoperation under Adversarial Networks",
            "Ada Lovelace, Grace Hopper, Tomas Muller, Li Wei et al.",
            "Teleoperation links are attacked; we propose a protocol, namely SafeLink, that keeps "
            "latency under 20 ms on the KITTI driving logs.",
        ),
        PaperBlock(
            "LGDec 24, 2019",
            "On the Stability of Learned Controllers",
            "Grace Hopper",
            "We study when \\ourmethod learned controllers stay stable, with $\\sim$10\\% overhead.",
        ),
    ],
)


LANGUAGE = Page(
    name="María José García-López",
    category="CL",
    h_index="41",
    citations="12,345",
    novelty="63",
    ai_score="77",
    papers=[
        PaperBlock(
            "CLOct 2, 2024Code",
            "Reasoning Shortcuts in Reading Comprehension Models",
            "Jan van der Berg, María José García-López, Wei Zhang et al.",
            "Reading comprehension models exploit shortcuts. We introduce ShortcutProbe, a diagnostic suite, "
            "and evaluate on SQuAD 2.0 and Natural Questions, where accuracy drops by 12.4 points. "
            "Code: https://github.com/example/shortcutprobe",
        ),
        PaperBlock(
            "LGMar 14, 2023",
            "Program Synthesis with Verified Feedback",
            "Wei Zhang, María José García-López",
            "We present VeriCoder, a code generation model trained with verified feedback. VeriCoder reaches "
            "71.3% pass@1 on HumanEval and 68.0% on MBPP.",
        ),
        PaperBlock(
            "AIJun 30",
            "Planning Agents that Ask for Help",
            "Ana Souza, Jan van der Berg, María José García-López",
            "Agents fail silently. We propose AskPlan, a planner that asks a human when uncertain, tested in "
            "ALFWorld and WebShop household and shopping tasks.",
        ),
        PaperBlock(
            "SEJan 9, 2022Code",
            "TestGen: Unit Test Generation with Language Models",
            "María José García-López, Ana Souza et al.",
            "We build TestGen, which writes unit tests for Python functions and raises branch coverage by "
            "18% on a benchmark of open-source projects. Code is available at https://gitlab.com/example/testgen.",
        ),
        PaperBlock(
            "CLNov 30, 2021",
            "Math Word Problems and the Limits of Scale",
            "Wei Zhang, Li Na, Jan van der Berg",
            "We study GSM8K and SVAMP and find that scale alone does not fix arithmetic errors; a verifier "
            "improves GSM8K accuracy from 55.0% to 61.2%.",
        ),
    ],
)
