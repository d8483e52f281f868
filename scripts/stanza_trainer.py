"""Run one of stanza's trainer modules with a faster CPU bilinear layer.

``python scripts/stanza_trainer.py stanza.models.tagger ARGS...`` behaves like
``python -m stanza.models.tagger ARGS...``. torch's ``nn.Bilinear`` backward pass (used by
stanza's POS tagger for XPOS and features) is very slow on CPU (8 s a batch here); the same
function written as two matrix products gives identical results and trains about 10x faster.
Parameter names and shapes are unchanged, so the saved models load in an unpatched stanza.

``python scripts/stanza_trainer.py --init-from MODEL.pt stanza.models.tagger ARGS...`` starts
the tagger (or the parser, ``stanza.models.parser``, or the NER tagger,
``stanza.models.ner_tagger``) from the weights of an earlier run (a warm start) instead of from
random ones. The saved models keep no optimizer state, so the optimizer starts afresh; the
vocabulary is rebuilt from the same training file and must match the model's.
"""

from __future__ import annotations

import runpy
import sys

import torch
import torch.nn.functional as F


def fast_bilinear(x1: torch.Tensor, x2: torch.Tensor, weight: torch.Tensor,
                  bias: torch.Tensor | None = None) -> torch.Tensor:
    out_dim, in1, in2 = weight.shape
    lead = x1.shape[:-1]
    a = x1.reshape(-1, in1) @ weight.permute(1, 0, 2).reshape(in1, out_dim * in2)
    y = torch.bmm(a.view(-1, out_dim, in2), x2.reshape(-1, in2, 1)).squeeze(-1)
    if bias is not None:
        y = y + bias
    return y.view(*lead, out_dim)


# trainer module -> (module holding its Trainer class, the keyword that means "load a model")
WARM_STARTABLE = {
    "stanza.models.tagger": ("stanza.models.pos.trainer", "model_file"),
    "stanza.models.parser": ("stanza.models.depparse.trainer", "model"),
    "stanza.models.ner_tagger": ("stanza.models.ner.trainer", "model_file"),
}


def warm_start(module: str, model_file: str) -> None:
    """Make one of stanza's trainers begin from the weights saved in model_file."""
    import importlib

    trainer_module, loading_kw = WARM_STARTABLE[module]
    trainer_cls = importlib.import_module(trainer_module).Trainer
    original_init = trainer_cls.__init__

    def init(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        original_init(self, *args, **kwargs)
        if kwargs.get(loading_kw) is not None:
            return  # loading a finished model (evaluation), not starting training
        saved = torch.load(model_file, map_location="cpu", weights_only=False)
        if saved["vocab"] != self.vocab.state_dict():
            raise SystemExit(f"{model_file}: vocabulary differs from the training data's")
        own = self.model.state_dict()
        weights = {k: v.float() for k, v in saved["model"].items() if k in own}
        bad = [k for k, v in weights.items() if v.shape != own[k].shape]
        if bad:
            raise SystemExit(f"{model_file}: shapes differ for {bad[:3]}")
        self.model.load_state_dict(weights, strict=False)
        print(f"warm start: {len(weights)} of {len(own)} tensors from {model_file}", flush=True)

    trainer_cls.__init__ = init


def main() -> None:
    F.bilinear = fast_bilinear  # nn.Bilinear.forward looks it up at call time
    if sys.argv[1] == "--init-from":
        init_from = sys.argv[2]
        del sys.argv[1:3]
        if sys.argv[1] not in WARM_STARTABLE:
            raise SystemExit(f"--init-from works with {', '.join(WARM_STARTABLE)} only")
        warm_start(sys.argv[1], init_from)
    module = sys.argv[1]
    sys.argv = [module] + sys.argv[2:]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
