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
