import AIFCore
import Screens

extension HomeMenu {
    /// The training sandbox. `openCard` turns a card id into the screen that shows the card
    /// (used by the diagnosis panel's "c explains" key).
    static func sandbox(library: ContentLibrary, openCard: @escaping (String) -> (any Screen)?) -> HomeEntry {
        HomeEntry(
            shortcut: "T",
            title: ("Training sandbox", "学習サンドボックス"),
            summary: ("Train a small neural network live. Move the learning rate, batch size, epochs, warm-up, decay and early stopping and watch the loss curves show a good fit, overfitting, underfitting or unstable training.",
                      "小さなニューラルネットワークをその場で学習させます。学習率、バッチサイズ、エポック数、ウォームアップ、学習率の減衰、早期停止を動かし、適切な汎化・過学習・学習不足・不安定な学習が損失曲線にどう現れるかを観察します。"),
            open: { _ in SandboxScreen(library: library, openCard: openCard) }
        )
    }
}
